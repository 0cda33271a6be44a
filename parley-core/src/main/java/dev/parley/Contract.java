package dev.parley;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Java interface as a Parley contract.
 *
 * <pre>{@code
 * @Contract(name = "trips", version = "2.1")
 * public interface TripService {
 *     Trip get(TripId id);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Contract {

    /** The contract's name on the wire; lower-case letters, digits, '-' and '.'. */
    String name();

    /** {@code major.minor}; minor versions must stay backward compatible. */
    String version() default "1.0";
}
