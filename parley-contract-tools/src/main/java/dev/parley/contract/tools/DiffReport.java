package dev.parley.contract.tools;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Locale;

/**
 * What the compatibility checker found between an old and a new version of a contract: every change, and the
 * verdict the version numbers give them.
 *
 * @param from the old contract, {@code name major.minor}
 * @param to the new contract
 * @param majorBumped whether the new major version is higher than the old one
 * @param changes every change, breaking first
 */
public record DiffReport(String from, String to, boolean majorBumped, List<Change> changes) {

    /** What the changes mean for the version bump. */
    public enum Verdict {
        /** No breaking change: the new version may be a minor bump (or the same version, if nothing changed). */
        COMPATIBLE,
        /** Breaking changes in a new major version: fine, serve both majors side by side while callers move. */
        NEW_MAJOR,
        /** Breaking changes within one major version: old callers break; the build fails. */
        BREAKING
    }

    public DiffReport {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        changes = List.copyOf(changes);
    }

    @JsonProperty
    public Verdict verdict() {
        if (count(Severity.BREAKING) == 0) {
            return Verdict.COMPATIBLE;
        }
        return majorBumped ? Verdict.NEW_MAJOR : Verdict.BREAKING;
    }

    /** Whether the verdict is {@link Verdict#BREAKING}: a CLI exits non-zero, a build fails. */
    public boolean failed() {
        return verdict() == Verdict.BREAKING;
    }

    public long count(Severity severity) {
        return changes.stream().filter(c -> c.severity() == severity).count();
    }

    public List<Change> changes(Severity severity) {
        return changes.stream().filter(c -> c.severity() == severity).toList();
    }

    /** The report for people: a summary line, then one line per change. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(from).append(" -> ").append(to).append(": ")
                .append(count(Severity.BREAKING)).append(" breaking, ")
                .append(count(Severity.COMPATIBLE)).append(" compatible, ")
                .append(count(Severity.COSMETIC)).append(" cosmetic: ").append(summary()).append('\n');
        int width = changes.stream().mapToInt(c -> c.rule().id().length()).max().orElse(0);
        for (Change c : changes) {
            sb.append(String.format(Locale.ROOT, "  %-10s %-" + width + "s  %s: %s%n",
                    c.severity(), c.rule().id(), c.path(), c.message()));
        }
        return sb.toString();
    }

    /** The report as JSON: {@code from}, {@code to}, {@code verdict}, {@code changes[]}. */
    public String json() {
        try {
            return ModelJson.mapper().writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    private String summary() {
        return switch (verdict()) {
            case COMPATIBLE -> "compatible";
            case NEW_MAJOR -> "breaking changes in a new major version (serve both majors side by side)";
            case BREAKING -> "FAILED: a minor version must not contain a breaking change";
        };
    }

    @Override
    public String toString() {
        return text();
    }
}
