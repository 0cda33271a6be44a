package dev.parley.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A link a reply of this type carries to another operation of the same contract (REST maturity level 3).
 * Over {@code http://} the server renders it in HAL's {@code _links}, filling the operation's path
 * variables from the reply's components of the same names:
 *
 * <pre>{@code
 * @Link(rel = "self", operation = "get")
 * @Link(rel = "cancel", operation = "cancel")
 * public record Trip(String id, String status) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Links.class)
public @interface Link {

    /** The relation, e.g. {@code self}. */
    String rel();

    /** The name of the operation the link leads to; it must be mapped with a method annotation. */
    String operation();
}
