package dev.parley.contract.tools;

import static java.util.Objects.requireNonNull;

/**
 * One difference between two versions of a contract, classified by a {@link Rule}.
 *
 * @param rule the rule that fired
 * @param severity the rule's severity
 * @param path where: an operation ({@code get}, {@code get.input}) or a field of a named type
 *        ({@code Trip.driver}, {@code Trip.stops[]})
 * @param message what changed, with the old and new values
 */
public record Change(Rule rule, Severity severity, String path, String message) {

    public Change {
        requireNonNull(rule, "rule");
        requireNonNull(severity, "severity");
        requireNonNull(path, "path");
        requireNonNull(message, "message");
    }

    public Change(Rule rule, String path, String message) {
        this(rule, rule.severity(), path, message);
    }
}
