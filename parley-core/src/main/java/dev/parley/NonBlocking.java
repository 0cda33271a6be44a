package dev.parley;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The implementation never blocks (no I/O, no locks held for long, no waiting), so the server may run it
 * on the transport's I/O thread instead of handing it to a virtual thread. Saves a thread hand-off per
 * call; a handler that blocks anyway stalls every connection on that I/O thread. On a contract type it
 * applies to every operation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface NonBlocking {
}
