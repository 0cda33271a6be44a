package dev.parley.contract.tools.internal;

import dev.parley.contract.tools.ApiModel;
import dev.parley.contract.tools.Change;
import dev.parley.contract.tools.Rule;
import dev.parley.contract.tools.Schema;
import dev.parley.contract.tools.Schema.Field;
import dev.parley.contract.tools.Schema.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Compares two message shapes field by field, in one {@link Direction}; a named type pair is walked once. */
final class SchemaDiff {

    private final ApiModel oldModel;
    private final ApiModel newModel;
    private final Collection<Change> out;
    private final Set<String> walked = new HashSet<>();

    SchemaDiff(ApiModel oldModel, ApiModel newModel, Collection<Change> out) {
        this.oldModel = oldModel;
        this.newModel = newModel;
        this.out = out;
    }

    void compare(Schema o, Schema n, Direction d, String path) {
        if (o.kind() == Kind.REF && n.kind() == Kind.REF) {
            String from = Objects.requireNonNull(o.ref());
            String to = Objects.requireNonNull(n.ref());
            if (!from.equals(to)) {
                out.add(new Change(Rule.TYPE_RENAMED, path, from + " -> " + to));
            }
            if (walked.add(from + "|" + to + "|" + d)) {
                compareResolved(oldModel.resolve(o), newModel.resolve(n), d, to);
            }
            return;
        }
        compareResolved(oldModel.resolve(o), newModel.resolve(n), d, path);
    }

    private void compareResolved(Schema o, Schema n, Direction d, String path) {
        if (o.kind() != n.kind()) {
            out.add(new Change(Rule.TYPE_CHANGED, path, o.describe() + " -> " + n.describe()));
            return;
        }
        switch (o.kind()) {
            case ARRAY -> compare(items(o), items(n), d, path + "[]");
            case MAP -> compare(items(o), items(n), d, path + "{}");
            case ENUM -> compareEnums(o, n, d, path);
            case OBJECT -> compareFields(o, n, d, path);
            default -> compareFormats(o, n, d, path);
        }
    }

    private void compareFormats(Schema o, Schema n, Direction d, String path) {
        if (Objects.equals(o.format(), n.format())) {
            return;
        }
        boolean widened = o.kind() == Kind.INTEGER
                && (d == Direction.REQUEST ? width(n) > width(o) : width(n) < width(o));
        out.add(new Change(widened ? Rule.FORMAT_WIDENED : Rule.FORMAT_CHANGED, path,
                o.describe() + " -> " + n.describe()));
    }

    /** int32 < int64 < unbounded. */
    private static int width(Schema integer) {
        return integer.format() == null ? 3 : switch (integer.format()) {
            case "int32" -> 1;
            case "int64" -> 2;
            default -> 3;
        };
    }

    private void compareEnums(Schema o, Schema n, Direction d, String path) {
        List<String> removed = minus(o.values(), n.values());
        List<String> added = minus(n.values(), o.values());
        if (!removed.isEmpty()) {
            out.add(new Change(d == Direction.REQUEST ? Rule.REQUEST_ENUM_NARROWED : Rule.RESPONSE_ENUM_NARROWED,
                    path, "removed " + removed));
        }
        if (!added.isEmpty()) {
            out.add(new Change(d == Direction.REQUEST ? Rule.REQUEST_ENUM_WIDENED : Rule.RESPONSE_ENUM_WIDENED,
                    path, "added " + added));
        }
    }

    private void compareFields(Schema o, Schema n, Direction d, String path) {
        boolean request = d == Direction.REQUEST;
        for (Field of : o.fields()) {
            Field nf = n.field(of.name());
            String at = path + "." + of.name();
            if (nf == null) {
                Rule rule = request ? Rule.REQUEST_FIELD_REMOVED
                        : of.required() ? Rule.RESPONSE_FIELD_REMOVED : Rule.RESPONSE_OPTIONAL_FIELD_REMOVED;
                out.add(new Change(rule, at, "removed (" + of.schema().describe() + ")"));
                continue;
            }
            if (of.required() != nf.required()) {
                Rule rule = nf.required()
                        ? request ? Rule.REQUEST_FIELD_MADE_REQUIRED : Rule.RESPONSE_FIELD_MADE_REQUIRED
                        : request ? Rule.REQUEST_FIELD_MADE_OPTIONAL : Rule.RESPONSE_FIELD_MADE_OPTIONAL;
                out.add(new Change(rule, at, (of.required() ? "required" : "optional") + " -> "
                        + (nf.required() ? "required" : "optional")));
            }
            compare(of.schema(), nf.schema(), d, at);
        }
        for (Field nf : n.fields()) {
            if (o.field(nf.name()) == null) {
                Rule rule = !request ? Rule.RESPONSE_FIELD_ADDED
                        : nf.required() ? Rule.REQUEST_FIELD_ADDED_REQUIRED : Rule.REQUEST_FIELD_ADDED_OPTIONAL;
                out.add(new Change(rule, path + "." + nf.name(), "added " + (nf.required() ? "required" : "optional")
                        + " (" + nf.schema().describe() + ")"));
            }
        }
    }

    private static Schema items(Schema s) {
        return Objects.requireNonNull(s.items(), () -> s.kind() + " without items");
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> r = new ArrayList<>(a);
        r.removeAll(b);
        return r;
    }

    static String describe(@Nullable Schema s) {
        return s == null ? "none" : s.describe();
    }
}
