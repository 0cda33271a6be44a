package dev.parley.internal.runtime;

import dev.parley.codec.Codec;
import dev.parley.codec.Codecs;
import dev.parley.contract.OperationDescriptor;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** The codecs of one operation's parameter and result, looked up once per media type and kept. */
final class OperationCodecs {

    private static final byte[] EMPTY = new byte[0];

    private final OperationDescriptor op;
    private final Codecs codecs;
    private final Map<String, Codec<Object>> params = new ConcurrentHashMap<>(2);
    private final Map<String, Codec<Object>> results = new ConcurrentHashMap<>(2);

    OperationCodecs(OperationDescriptor op, Codecs codecs) {
        this.op = op;
        this.codecs = codecs;
    }

    /** Fails early, at stub or skeleton creation, when no codec handles the operation's types. */
    void check(String mediaType) {
        Type p = op.parameterType();
        if (p != null) {
            codec(params, mediaType, p);
        }
        if (op.resultType() != Void.class) {
            codec(results, mediaType, op.resultType());
        }
    }

    byte[] encodeParam(String mediaType, @Nullable Object arg) {
        Type p = op.parameterType();
        return p == null ? EMPTY : codec(params, mediaType, p).encode(arg);
    }

    @Nullable Object decodeParam(String mediaType, byte[] body) {
        Type p = op.parameterType();
        return p == null ? null : codec(params, mediaType, p).decode(body);
    }

    byte[] encodeResult(String mediaType, @Nullable Object value) {
        return op.resultType() == Void.class ? EMPTY : codec(results, mediaType, op.resultType()).encode(value);
    }

    @Nullable Object decodeResult(String mediaType, byte[] body) {
        return op.resultType() == Void.class ? null : codec(results, mediaType, op.resultType()).decode(body);
    }

    private Codec<Object> codec(Map<String, Codec<Object>> cache, String mediaType, Type type) {
        Codec<Object> c = cache.get(mediaType);
        if (c == null) {
            c = codecs.codec(mediaType, type);
            cache.put(mediaType, c);
        }
        return c;
    }
}
