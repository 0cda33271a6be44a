package dev.parley.transport.http.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.http.Link;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of the Java types a contract uses, as the JSON codec writes
 * them: records become objects under {@code components/schemas}, {@code java.time} values ISO-8601 strings,
 * {@code Optional} its content.
 */
final class Schemas {

    private final ObjectNode components;
    private final Map<Class<?>, String> names = new HashMap<>();

    Schemas(ObjectNode components) {
        this.components = components;
    }

    /** The schema of {@code type}: inline for simple types, a {@code $ref} for records. */
    ObjectNode of(Type type) {
        ObjectNode s = Problems.JSON.createObjectNode();
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                s.put("type", "array").set("items", of(args[0]));
                if (Set.class.isAssignableFrom(raw)) {
                    s.put("uniqueItems", true);
                }
                return s;
            }
            if (Map.class.isAssignableFrom(raw)) {
                return s.put("type", "object").set("additionalProperties", of(args[1]));
            }
            if (raw == Optional.class) {
                return of(args[0]);
            }
            return of(raw);
        }
        if (type instanceof GenericArrayType g) {
            return s.put("type", "array").set("items", of(g.getGenericComponentType()));
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class || c == char.class || c == Character.class) {
            return s.put("type", "string");
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class || c == byte.class
                || c == Byte.class) {
            return s.put("type", "integer").put("format", "int32");
        }
        if (c == long.class || c == Long.class) {
            return s.put("type", "integer").put("format", "int64");
        }
        if (c == BigInteger.class) {
            return s.put("type", "integer");
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class || c == BigDecimal.class) {
            return s.put("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return s.put("type", "boolean");
        }
        if (c == UUID.class) {
            return s.put("type", "string").put("format", "uuid");
        }
        if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class) {
            return s.put("type", "string").put("format", "date-time");
        }
        if (c == LocalDate.class) {
            return s.put("type", "string").put("format", "date");
        }
        if (c == LocalTime.class || c == LocalDateTime.class) {
            return s.put("type", "string");
        }
        if (c == Duration.class) {
            return s.put("type", "string").put("format", "duration");
        }
        if (c.isEnum()) {
            ArrayNode values = s.put("type", "string").putArray("enum");
            for (Object e : c.getEnumConstants()) {
                values.add(((Enum<?>) e).name());
            }
            return s;
        }
        if (c.isArray()) {
            return c == byte[].class ? s.put("type", "string").put("contentEncoding", "base64")
                    : s.put("type", "array").set("items", of(c.getComponentType()));
        }
        if (c.isRecord()) {
            return s.put("$ref", "#/components/schemas/" + record(c));
        }
        return s; // anything else: no constraint
    }

    /** An inline object schema of the record's components not in {@code except} (a body split off a path). */
    ObjectNode partOf(Class<?> record, Collection<String> except) {
        ObjectNode s = Problems.JSON.createObjectNode().put("type", "object");
        ObjectNode props = s.putObject("properties");
        for (RecordComponent c : record.getRecordComponents()) {
            if (!except.contains(c.getName())) {
                props.set(c.getName(), of(c.getGenericType()));
            }
        }
        return s;
    }

    private String record(Class<?> c) {
        String known = names.get(c);
        if (known != null) {
            return known;
        }
        String name = c.getSimpleName();
        for (int i = 2; names.containsValue(name); i++) {
            name = c.getSimpleName() + i;
        }
        names.put(c, name);
        ObjectNode s = Problems.JSON.createObjectNode().put("type", "object");
        components.set(name, s);
        ObjectNode props = s.putObject("properties");
        for (RecordComponent rc : c.getRecordComponents()) {
            props.set(rc.getName(), of(rc.getGenericType()));
        }
        if (c.getAnnotationsByType(Link.class).length > 0) {
            ObjectNode link = Problems.JSON.createObjectNode().put("type", "object");
            link.putObject("properties").set("href", Problems.JSON.createObjectNode().put("type", "string"));
            link.withObject("/properties").set("method", Problems.JSON.createObjectNode().put("type", "string"));
            ObjectNode links = props.putObject("_links").put("type", "object")
                    .put("description", "HAL links to related operations");
            links.set("additionalProperties", link);
        }
        return name;
    }
}
