package dev.parley.contract.tools.internal;

import dev.parley.contract.tools.Schema;
import dev.parley.contract.tools.Schema.Kind;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Java types as {@link Schema}s, the way parley-codec-json writes them: records become named objects, enums
 * named enums (by constant name), {@code java.time} ISO-8601 strings, {@code byte[]} base64 strings. Named types
 * are collected as they are met; a type that refers to itself is read once.
 */
final class JavaTypes {

    private static final Map<Class<?>, Schema> SCALARS = scalars();
    /** The types parley-codec-json reads as empty when missing. */
    private static final Set<Class<?>> DEFAULTED = Set.of(Optional.class, OptionalInt.class, OptionalLong.class,
            OptionalDouble.class, List.class, Set.class, Collection.class, Map.class);

    /** Named types by name, and the class each name stands for (to tell two classes of one simple name apart). */
    private final Map<String, Schema> named = new LinkedHashMap<>();
    private final Map<Class<?>, String> names = new HashMap<>();

    Map<String, Schema> named() {
        return named;
    }

    Schema schema(Type type) {
        if (type instanceof Class<?> c) {
            return ofClass(c);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (raw == Optional.class) {
                return schema(args[0]);
            }
            if (Collection.class.isAssignableFrom(raw)) {
                return Schema.array(schema(args[0]), Set.class.isAssignableFrom(raw));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Schema.map(schema(args[1]));
            }
            return raw.isRecord() ? ofClass(raw) : Schema.any();
        }
        if (type instanceof GenericArrayType a) {
            return Schema.array(schema(a.getGenericComponentType()), false);
        }
        return Schema.any();
    }

    private Schema ofClass(Class<?> c) {
        Schema scalar = SCALARS.get(c);
        if (scalar != null) {
            return scalar;
        }
        if (c.isArray()) {
            return Schema.array(schema(c.getComponentType()), false);
        }
        if (c.isEnum() || c.isRecord()) {
            return Schema.ref(named(c));
        }
        if (c == OptionalInt.class || c == OptionalLong.class) {
            return Schema.scalar(Kind.INTEGER, c == OptionalInt.class ? "int32" : "int64");
        }
        if (c == OptionalDouble.class) {
            return Schema.scalar(Kind.NUMBER, "double");
        }
        return Schema.any();
    }

    private String named(Class<?> c) {
        String known = names.get(c);
        if (known != null) {
            return known;
        }
        String name = named.containsKey(c.getSimpleName()) ? c.getName() : c.getSimpleName();
        names.put(c, name);
        named.put(name, Schema.any()); // a placeholder, so that a record referring to itself ends here
        named.put(name, c.isEnum() ? enumSchema(c) : recordSchema(c));
        return name;
    }

    private static Schema enumSchema(Class<?> c) {
        return Schema.enumOf(Arrays.stream(c.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
    }

    private Schema recordSchema(Class<?> c) {
        List<Schema.Field> fields = new ArrayList<>();
        for (RecordComponent rc : c.getRecordComponents()) {
            fields.add(new Schema.Field(rc.getName(), schema(rc.getGenericType()), required(rc)));
        }
        return Schema.object(fields);
    }

    /**
     * A field is optional when the tolerant reader's default for a missing one is a value the type admits:
     * {@code Optional} (empty), a {@code List}, {@code Set}, {@code Collection} or {@code Map} (empty: the codec
     * configures exactly these; a {@code SortedSet} or an {@code ArrayList} reads as null), or a component marked
     * {@code @Nullable} (null).
     * Everything else is required, primitives included: a missing {@code int} reads as 0, which the writer never
     * meant.
     */
    static boolean required(RecordComponent rc) {
        Class<?> raw = rc.getType();
        if (DEFAULTED.contains(raw)) {
            return false;
        }
        return !nullable(rc.getAnnotatedType()) && !nullable(rc);
    }

    /** Any annotation called {@code Nullable} counts: JSpecify's, JSR 305's, Jakarta's, JetBrains'... */
    private static boolean nullable(AnnotatedElement element) {
        for (Annotation a : element.getAnnotations()) {
            if (a.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        return false;
    }

    private static Map<Class<?>, Schema> scalars() {
        Map<Class<?>, Schema> m = new HashMap<>();
        Schema string = Schema.scalar(Kind.STRING, null);
        Schema int32 = Schema.scalar(Kind.INTEGER, "int32");
        Schema int64 = Schema.scalar(Kind.INTEGER, "int64");
        Schema bool = Schema.scalar(Kind.BOOLEAN, null);
        for (Class<?> c : List.of(String.class, CharSequence.class, char.class, Character.class)) {
            m.put(c, string);
        }
        for (Class<?> c : List.of(int.class, Integer.class, short.class, Short.class, byte.class, Byte.class)) {
            m.put(c, int32);
        }
        m.put(long.class, int64);
        m.put(Long.class, int64);
        m.put(BigInteger.class, Schema.scalar(Kind.INTEGER, null));
        m.put(float.class, Schema.scalar(Kind.NUMBER, "float"));
        m.put(Float.class, Schema.scalar(Kind.NUMBER, "float"));
        m.put(double.class, Schema.scalar(Kind.NUMBER, "double"));
        m.put(Double.class, Schema.scalar(Kind.NUMBER, "double"));
        m.put(BigDecimal.class, Schema.scalar(Kind.NUMBER, null));
        m.put(boolean.class, bool);
        m.put(Boolean.class, bool);
        m.put(byte[].class, Schema.scalar(Kind.STRING, "byte"));
        m.put(UUID.class, Schema.scalar(Kind.STRING, "uuid"));
        m.put(URI.class, Schema.scalar(Kind.STRING, "uri"));
        m.put(Instant.class, Schema.scalar(Kind.STRING, "date-time"));
        m.put(OffsetDateTime.class, Schema.scalar(Kind.STRING, "date-time"));
        m.put(ZonedDateTime.class, Schema.scalar(Kind.STRING, "date-time"));
        m.put(LocalDateTime.class, Schema.scalar(Kind.STRING, "local-date-time"));
        m.put(LocalDate.class, Schema.scalar(Kind.STRING, "date"));
        m.put(LocalTime.class, Schema.scalar(Kind.STRING, "local-time"));
        m.put(Duration.class, Schema.scalar(Kind.STRING, "duration"));
        return Map.copyOf(m);
    }
}
