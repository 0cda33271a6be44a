package dev.parley.codec;

import java.lang.reflect.Type;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Makes codecs for the types and media types it knows, and says "not mine" with {@code null} for the rest.
 * Factories are found through {@link java.util.ServiceLoader} and asked in order; the first non-null
 * answer wins.
 */
public interface CodecFactory {

    /** A codec for {@code type} in {@code mediaType} (parameters removed, lower case), or {@code null}. */
    @Nullable Codec<?> create(String mediaType, Type type);

    /** The media types this factory may answer for, most preferred first. */
    List<String> mediaTypes();

    /** How the factory is named in errors. */
    default String name() {
        return getClass().getSimpleName();
    }
}
