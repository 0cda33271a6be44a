package dev.parley.contract.tools;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a value on the wire, in the manner of JSON Schema: a scalar, a list, a map, a record (an object
 * with named fields), an enum, or a reference to a named type of the model.
 *
 * @param kind what the value is
 * @param format a refinement of a scalar ({@code int32}, {@code int64}, {@code date-time}, {@code uuid}, ...), or
 *        {@code null}
 * @param ref for {@link Kind#REF}: the name of a type in {@link ApiModel#types()}
 * @param items for {@link Kind#ARRAY}: the element; for {@link Kind#MAP}: the value (keys are strings)
 * @param unique for {@link Kind#ARRAY}: whether elements are unique (a {@code Set})
 * @param values for {@link Kind#ENUM}: the constants, in declaration order
 * @param fields for {@link Kind#OBJECT}: the fields, in declaration order
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Schema(
        Kind kind,
        @Nullable String format,
        @Nullable String ref,
        @Nullable Schema items,
        boolean unique,
        List<String> values,
        List<Field> fields) {

    /** What a value is. */
    public enum Kind {
        STRING, INTEGER, NUMBER, BOOLEAN, ARRAY, MAP, OBJECT, ENUM, REF,
        /** A value the model cannot describe (a class that is not a record, a type variable): any JSON. */
        ANY;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Kind of(String json) {
            return valueOf(json.toUpperCase(Locale.ROOT));
        }
    }

    public Schema {
        requireNonNull(kind, "kind");
        values = values == null ? List.of() : List.copyOf(values);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public static Schema scalar(Kind kind, @Nullable String format) {
        return new Schema(kind, format, null, null, false, List.of(), List.of());
    }

    public static Schema ref(String name) {
        return new Schema(Kind.REF, null, requireNonNull(name, "name"), null, false, List.of(), List.of());
    }

    public static Schema array(Schema items, boolean unique) {
        return new Schema(Kind.ARRAY, null, null, requireNonNull(items, "items"), unique, List.of(), List.of());
    }

    public static Schema map(Schema values) {
        return new Schema(Kind.MAP, null, null, requireNonNull(values, "values"), false, List.of(), List.of());
    }

    public static Schema enumOf(List<String> constants) {
        return new Schema(Kind.ENUM, null, null, null, false, constants, List.of());
    }

    public static Schema object(List<Field> fields) {
        return new Schema(Kind.OBJECT, null, null, null, false, List.of(), fields);
    }

    public static Schema any() {
        return scalar(Kind.ANY, null);
    }

    /** The field called {@code name}, or {@code null}. */
    public @Nullable Field field(String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** Short text for messages: {@code string(uuid)}, {@code array<ref Trip>}, {@code Trip}. */
    public String describe() {
        return switch (kind) {
            case REF -> String.valueOf(ref);
            case ARRAY -> (unique ? "set<" : "list<") + requireNonNull(items).describe() + ">";
            case MAP -> "map<string, " + requireNonNull(items).describe() + ">";
            case ENUM -> "enum" + values;
            default -> kind.json() + (format == null ? "" : "(" + format + ")");
        };
    }

    /**
     * One field of a record.
     *
     * @param name the name on the wire (the record component's name)
     * @param schema its shape
     * @param required whether a reader needs it; see docs/evolution.md for what makes a field optional
     */
    public record Field(String name, Schema schema, boolean required) {
        public Field {
            requireNonNull(name, "name");
            requireNonNull(schema, "schema");
        }
    }
}
