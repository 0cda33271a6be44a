package dev.parley;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The deadline an operation's calls get when the client does not set one itself: the contract author's
 * word on how long the operation may take. On a contract type it applies to every operation. A client's
 * own {@code timeout(...)} wins; a caller's shorter remaining deadline always wins.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Timeout {

    /** Milliseconds, more than zero. */
    long millis();
}
