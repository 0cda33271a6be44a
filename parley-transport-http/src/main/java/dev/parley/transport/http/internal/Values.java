package dev.parley.transport.http.internal;

import dev.parley.ParleyException;
import dev.parley.Status;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Path, query and header strings to the simple types {@link dev.parley.http.HttpRoute#isSimple} allows. */
final class Values {

    private Values() {
    }

    /**
     * {@code text} as a {@code type}; {@code null} text gives null, or zero/false for a primitive.
     *
     * @throws ParleyException INVALID_ARGUMENT naming {@code where} (e.g. "query parameter 'limit'")
     */
    static @Nullable Object parse(@Nullable String text, Class<?> type, String where) {
        if (text == null) {
            return type.isPrimitive() ? zero(type) : null;
        }
        try {
            return convert(text, type);
        } catch (IllegalArgumentException e) {
            throw new ParleyException(Status.INVALID_ARGUMENT, where + ": '" + text + "' is not "
                    + describe(type));
        }
    }

    private static Object convert(String s, Class<?> type) {
        if (type == String.class) {
            return s;
        }
        if (type == int.class || type == Integer.class) {
            return Integer.valueOf(s);
        }
        if (type == long.class || type == Long.class) {
            return Long.valueOf(s);
        }
        if (type == short.class || type == Short.class) {
            return Short.valueOf(s);
        }
        if (type == byte.class || type == Byte.class) {
            return Byte.valueOf(s);
        }
        if (type == double.class || type == Double.class) {
            return Double.valueOf(s);
        }
        if (type == float.class || type == Float.class) {
            return Float.valueOf(s);
        }
        if (type == boolean.class || type == Boolean.class) {
            if (!s.equals("true") && !s.equals("false")) {
                throw new IllegalArgumentException(s);
            }
            return Boolean.valueOf(s);
        }
        if (type == UUID.class) {
            return UUID.fromString(s);
        }
        if (type == BigDecimal.class) {
            return new BigDecimal(s);
        }
        if (type == BigInteger.class) {
            return new BigInteger(s);
        }
        if (type.isEnum()) {
            for (Object c : type.getEnumConstants()) {
                if (((Enum<?>) c).name().equals(s)) {
                    return c;
                }
            }
            throw new IllegalArgumentException(s);
        }
        throw new IllegalArgumentException("unsupported " + type);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a valid " + (type.isPrimitive() ? type.getName() : type.getSimpleName());
    }

    private static Object zero(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    /** A value as it travels in a path, query or header. */
    static String format(Object value) {
        return value instanceof Enum<?> e ? e.name() : value.toString();
    }
}
