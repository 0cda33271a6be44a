package dev.parley.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Carries a component of an operation's parameter record in a request header instead of the body:
 * {@code record Update(String id, @Header("If-Match") String version, ...)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Header {

    /** The header's name (case does not matter). */
    String value();
}
