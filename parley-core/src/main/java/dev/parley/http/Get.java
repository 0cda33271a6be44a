package dev.parley.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Serves the operation over {@code http://} as {@code GET /v{major}} followed by the path template, e.g.
 * {@code @Get("/trips/{id}")}. A {@code {name}} segment takes the parameter record's component of that name.
 * See docs/rest.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Get {

    /** The path template below {@code /v{major}}: starts with {@code /}, variables are whole segments. */
    String value();
}
