package dev.parley.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The HTTP status a declared contract exception is answered with over {@code http://}, e.g.
 * {@code @HttpStatus(404) class TripNotFound extends Exception}. Without it a declared exception is 422
 * (Unprocessable Content). Either way the client rethrows the same exception type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface HttpStatus {

    /** A 4xx or 5xx status code. */
    int value();
}
