package dev.parley.message;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Immutable message headers: lower-case names, one string value each. Small by design (a handful of
 * entries), so it is a flat array scanned in order.
 */
public final class Headers {

    private static final Headers EMPTY = new Headers(new String[0]);

    /** name0, value0, name1, value1, ... */
    private final String[] entries;

    private Headers(String[] entries) {
        this.entries = entries;
    }

    /** No headers. */
    public static Headers empty() {
        return EMPTY;
    }

    /**
     * Headers from name/value pairs: {@code Headers.of("a", "1", "b", "2")}. A name given twice keeps its first
     * place and its last value, as repeated {@link #with} calls would.
     */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("namesAndValues: odd length " + namesAndValues.length);
        }
        if (namesAndValues.length == 0) {
            return EMPTY;
        }
        // One array for the whole set, not one per pair: transports build every received message's headers here.
        String[] entries = new String[namesAndValues.length];
        int size = 0;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String n = normalize(namesAndValues[i]);
            String v = requireNonNull(namesAndValues[i + 1], "value");
            int at = indexOf(entries, size, n);
            if (at >= 0) {
                entries[at + 1] = v;
            } else {
                entries[size++] = n;
                entries[size++] = v;
            }
        }
        return new Headers(size == entries.length ? entries : Arrays.copyOf(entries, size));
    }

    /** The value of {@code name}, or {@code null}. */
    public @Nullable String get(String name) {
        // Callers mostly ask with the lower-case constants of HeaderNames: look for the name as given first.
        int at = indexOf(entries, entries.length, name);
        if (at < 0) {
            String n = normalize(name);
            at = n == name ? -1 : indexOf(entries, entries.length, n);
        }
        return at < 0 ? null : entries[at + 1];
    }

    /** A copy with {@code name} set to {@code value}, replacing any earlier value. */
    public Headers with(String name, String value) {
        String n = normalize(name);
        requireNonNull(value, "value");
        int at = indexOf(entries, entries.length, n);
        if (at >= 0) {
            if (entries[at + 1].equals(value)) {
                return this;
            }
            String[] copy = entries.clone();
            copy[at + 1] = value;
            return new Headers(copy);
        }
        String[] copy = Arrays.copyOf(entries, entries.length + 2);
        copy[entries.length] = n;
        copy[entries.length + 1] = value;
        return new Headers(copy);
    }

    /** A copy without {@code name}. */
    public Headers without(String name) {
        String n = normalize(name);
        for (int i = 0; i < entries.length; i += 2) {
            if (entries[i].equals(n)) {
                String[] copy = new String[entries.length - 2];
                System.arraycopy(entries, 0, copy, 0, i);
                System.arraycopy(entries, i + 2, copy, i, entries.length - i - 2);
                return new Headers(copy);
            }
        }
        return this;
    }

    /** The number of headers. */
    public int size() {
        return entries.length / 2;
    }

    /** Calls {@code action} with each name and value, in insertion order, without copying. */
    public void forEach(java.util.function.BiConsumer<String, String> action) {
        for (int i = 0; i < entries.length; i += 2) {
            action.accept(entries[i], entries[i + 1]);
        }
    }

    /** The headers in insertion order. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            m.put(entries[i], entries[i + 1]);
        }
        return m;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Headers h && asMap().equals(h.asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    /** Where {@code name} is among the first {@code size} entries, or -1. */
    private static int indexOf(String[] entries, int size, String name) {
        for (int i = 0; i < size; i += 2) {
            if (entries[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String normalize(String name) {
        requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name: empty");
        }
        boolean lower = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                // Every transport must carry the name as it is: HTTP tokens, frame headers, broker properties.
                throw new IllegalArgumentException("name: '" + name + "' has a character that is not visible ASCII");
            }
            lower &= c < 'A' || c > 'Z';
        }
        return lower ? name : name.toLowerCase(Locale.ROOT);
    }
}
