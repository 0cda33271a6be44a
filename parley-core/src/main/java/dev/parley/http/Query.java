package dev.parley.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Carries a component of an operation's parameter record in the query string instead of the body:
 * {@code record Search(@Query String city, @Query("max") int limit)}. On {@code @Get} and {@code @Delete}
 * every component not in the path or a header is a query parameter anyway.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Query {

    /** The query parameter's name; the component's name when empty. */
    String value() default "";
}
