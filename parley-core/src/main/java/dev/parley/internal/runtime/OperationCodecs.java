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
    /** The codecs of the media type {@link #check} was given, which nearly every call uses: no map lookup. */
    private @Nullable String usual;
    private @Nullable Codec<Object> usualParam;
    private @Nullable Codec<Object> usualResult;

    OperationCodecs(OperationDescriptor op, Codecs codecs) {
        this.op = op;
        this.codecs = codecs;
    }

    /** Fails early, at stub or skeleton creation, when no codec handles the operation's types. */
    void check(String mediaType) {
        Type p = op.parameterType();
        Codec<Object> param = p == null ? null : codec(params, mediaType, p);
        Codec<Object> result = op.resultType() == Void.class ? null : codec(results, mediaType, op.resultType());
        usualParam = param;
        usualResult = result;
        usual = mediaType;
    }

    byte[] encodeParam(String mediaType, @Nullable Object arg) {
        Type p = op.parameterType();
        return p == null ? EMPTY : param(mediaType, p).encode(arg);
    }

    @Nullable Object decodeParam(String mediaType, byte[] body) {
        Type p = op.parameterType();
        return p == null ? null : param(mediaType, p).decode(body);
    }

    byte[] encodeResult(String mediaType, @Nullable Object value) {
        return op.resultType() == Void.class ? EMPTY : result(mediaType).encode(value);
    }

    @Nullable Object decodeResult(String mediaType, byte[] body) {
        return op.resultType() == Void.class ? null : result(mediaType).decode(body);
    }

    private Codec<Object> param(String mediaType, Type p) {
        Codec<Object> c = usualParam;
        return c != null && mediaType.equals(usual) ? c : codec(params, mediaType, p);
    }

    private Codec<Object> result(String mediaType) {
        Codec<Object> c = usualResult;
        return c != null && mediaType.equals(usual) ? c : codec(results, mediaType, op.resultType());
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
