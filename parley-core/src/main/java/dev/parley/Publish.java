package dev.parley;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An event sent to every subscriber group. Returning {@code void} makes it publish/subscribe; returning
 * {@link Replies Replies&lt;R&gt;} (or a {@code CompletionStage} of it) makes it publish/async-response.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Publish {
}
