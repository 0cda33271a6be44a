package dev.parley.codec;

import static java.util.Objects.requireNonNull;

import dev.parley.ParleyException;
import dev.parley.Status;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * The ordered codec factories of one runtime. Lookups happen once per operation and media type; the
 * runtime caches the codecs they return.
 */
public final class Codecs {

    private final List<CodecFactory> factories;

    private Codecs(List<CodecFactory> factories) {
        this.factories = List.copyOf(factories);
    }

    /** {@code first} (asked first, in order), then the factories found through {@link ServiceLoader}. */
    public static Codecs load(List<CodecFactory> first, ClassLoader loader) {
        List<CodecFactory> all = new ArrayList<>(first);
        ServiceLoader.load(CodecFactory.class, loader).forEach(all::add);
        return new Codecs(all);
    }

    /** Exactly {@code factories}, in order. */
    public static Codecs of(List<CodecFactory> factories) {
        return new Codecs(factories);
    }

    public List<CodecFactory> factories() {
        return factories;
    }

    /**
     * The preferred media type: the first one the first factory names.
     *
     * @throws ParleyException UNIMPLEMENTED when there is no codec at all
     */
    public String defaultMediaType() {
        for (CodecFactory f : factories) {
            if (!f.mediaTypes().isEmpty()) {
                return f.mediaTypes().getFirst();
            }
        }
        throw new ParleyException(Status.UNIMPLEMENTED,
                "no codec is installed; add parley-codec-json (or another codec module) to the class path");
    }

    /**
     * The codec for {@code type} in {@code mediaType}.
     *
     * @throws ParleyException UNIMPLEMENTED listing every factory tried, when none answers
     */
    @SuppressWarnings("unchecked")
    public <T> Codec<T> codec(String mediaType, Type type) {
        String wanted = normalize(mediaType);
        for (CodecFactory f : factories) {
            Codec<?> c = f.create(wanted, type);
            if (c != null) {
                return (Codec<T>) c;
            }
        }
        throw new ParleyException(Status.UNIMPLEMENTED, "no codec for " + wanted + " and " + type.getTypeName()
                + "; tried " + describe());
    }

    /** Whether some factory names {@code mediaType}. */
    public boolean supports(@Nullable String mediaType) {
        if (mediaType == null) {
            return false;
        }
        String wanted = normalize(mediaType);
        return factories.stream().anyMatch(f -> f.mediaTypes().contains(wanted));
    }

    /** A media type with its parameters removed, in lower case. */
    public static String normalize(String mediaType) {
        requireNonNull(mediaType, "mediaType");
        int semi = mediaType.indexOf(';');
        return (semi < 0 ? mediaType : mediaType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    private String describe() {
        if (factories.isEmpty()) {
            return "no factories (add parley-codec-json or another codec module)";
        }
        List<String> tried = new ArrayList<>();
        for (CodecFactory f : factories) {
            tried.add(f.name() + " " + f.mediaTypes());
        }
        return String.join(", ", tried);
    }

    @Override
    public String toString() {
        return "Codecs" + factories.stream().map(CodecFactory::name).toList();
    }
}
