package dev.parley.resilience;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.codec.Codec;
import dev.parley.message.Message;
import dev.parley.resilience.internal.FallbackFilter;
import dev.parley.service.Policy;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Something sensible to answer with when the server cannot: a default value, a value made from the request
 * and the failure, the last good reply to the same request, or another endpoint's answer. It covers failures the classifier counts and
 * refusals by this client's own policies (an open breaker, a full bulkhead), not a caller's mistakes. The
 * caller can tell: {@code ClientCall.last().fromFallback()} (or {@code ClientCall.of(future)}).
 *
 * <p>Put it first among a client's policies, so it sees what retries and breakers could not save.
 */
public final class Fallback {

    private Fallback() {
    }

    /** Answers {@code operation} with {@code value} (of its reply type) when it fails. */
    public static Policy value(String operation, Object value) {
        return value(operation, value, ResilienceListener.NONE);
    }

    public static Policy value(String operation, Object value, ResilienceListener listener) {
        requireNonNull(operation, "operation");
        requireNonNull(value, "value");
        return target -> {
            if (!target.operation().name().equals(operation)) {
                return null;
            }
            if (target.operation().resultType() instanceof Class<?> type && !type.isPrimitive()
                    && !type.isInstance(value)) {
                throw new IllegalArgumentException("fallback for " + target.name() + ": " + value.getClass().getName()
                        + " is not a " + type.getName());
            }
            byte[] body = resultCodec(target).encode(value); // encoded once, when the client is built
            return filter(target, "default", (request, failure) -> body, null, listener);
        };
    }

    /** Answers {@code operation} with {@code function(request, failure)} when it fails. */
    public static <A, R> Policy from(String operation, BiFunction<A, Throwable, R> function) {
        return from(operation, function, ResilienceListener.NONE);
    }

    @SuppressWarnings("unchecked")
    public static <A, R> Policy from(String operation, BiFunction<A, Throwable, R> function,
            ResilienceListener listener) {
        requireNonNull(operation, "operation");
        requireNonNull(function, "function");
        return target -> {
            if (!target.operation().name().equals(operation)) {
                return null;
            }
            Codec<Object> results = resultCodec(target);
            Codec<Object> params = target.operation().parameterType() == null ? null
                    : target.codecs().codec(target.mediaType(), target.operation().parameterType());
            return filter(target, "function", (request, failure) -> {
                A arg = params == null ? null : (A) params.decode(request.body());
                R value = function.apply(arg, failure);
                return value == null ? null : results.encode(value);
            }, null, listener);
        };
    }

    /**
     * Answers every operation with the last good reply to the same request (same operation, same body),
     * kept for {@code ttl} on the runtime's clock, for at most {@code maxEntries} requests per operation.
     */
    public static Policy lastGood(Duration ttl, long maxEntries) {
        return lastGood(ttl, maxEntries, ResilienceListener.NONE);
    }

    public static Policy lastGood(Duration ttl, long maxEntries, ResilienceListener listener) {
        requireNonNull(ttl, "ttl");
        return target -> {
            Cache<ByteBuffer, Message> cache = Caffeine.newBuilder()
                    .expireAfterWrite(ttl)
                    .maximumSize(maxEntries)
                    .ticker(target.scheduler()::nanoTime)
                    .build();
            return filter(target, "last-good",
                    (request, failure) -> body(cache.getIfPresent(ByteBuffer.wrap(request.body()))),
                    (request, reply) -> cache.put(ByteBuffer.wrap(request.body()), reply), listener);
        };
    }

    /**
     * Sends a call that failed once more to another endpoint of the same contract ({@code address}, any
     * transport), within what is left of the call's deadline. Its answer is the caller's unless it fails too;
     * then the caller sees the first failure. Applies to every operation of the client.
     */
    public static Policy endpoint(String address) {
        return endpoint(address, ResilienceListener.NONE);
    }

    public static Policy endpoint(String address, ResilienceListener listener) {
        requireNonNull(address, "address");
        requireNonNull(listener, "listener");
        return target -> FallbackFilter.endpoint(target.name(), address, target.connect(address),
                FailureClassifier.DEFAULT, listener, target.mediaType());
    }

    private static byte @Nullable [] body(@Nullable Message reply) {
        return reply == null ? null : reply.body();
    }

    private static FallbackFilter filter(Policy.Target target, String kind, FallbackFilter.Source source,
            FallbackFilter.@Nullable Observer observer, ResilienceListener listener) {
        return new FallbackFilter(target.name(), kind, source, observer, FailureClassifier.DEFAULT, listener,
                target.mediaType());
    }

    private static Codec<Object> resultCodec(Policy.Target target) {
        return target.codecs().codec(target.mediaType(), target.operation().resultType());
    }

}
