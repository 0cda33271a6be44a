package dev.parley.transport.http.internal;

import dev.parley.codec.Codec;
import dev.parley.codec.Codecs;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The runtime's codecs, looked up once per media type and Java type. */
final class CodecCache {

    private record Key(String mediaType, Type type) {
    }

    private final Codecs codecs;
    private final Map<Key, Codec<Object>> cache = new ConcurrentHashMap<>();

    CodecCache(Codecs codecs) {
        this.codecs = codecs;
    }

    Codec<Object> get(String mediaType, Type type) {
        return cache.computeIfAbsent(new Key(mediaType, type), k -> codecs.codec(k.mediaType, k.type));
    }
}
