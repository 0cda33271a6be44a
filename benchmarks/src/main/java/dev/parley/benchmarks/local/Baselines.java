package dev.parley.benchmarks.local;

import dev.parley.codec.Codec;
import dev.parley.codec.json.JsonCodecFactory;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Hand-written stand-ins for parts of a local call, to tell where its cost goes. Not in the default run:
 * ask for them with {@code benchmarks/run local -- -p peer=direct,json,vthread,vthread-json,parley-local}.
 *
 * <ul>
 *   <li>{@code json}: the four JSON steps of a call (encode and decode the request, then the reply) on the
 *       caller's thread, with the codec Parley uses;
 *   <li>{@code vthread}: the implementation run on a new virtual thread per call, as the skeleton does,
 *       the caller waiting for it;
 *   <li>{@code vthread-json}: both, split as in Parley: request encoded on the caller, decoded and the reply
 *       encoded on the virtual thread, the reply decoded on the caller. The floor of Parley's design.
 * </ul>
 */
final class Baselines {

    private Baselines() {
    }

    /** The baseline called {@code peer}; {@code virtualThreads} starts a virtual thread per task. */
    static Echo of(String peer, Echo impl, Executor virtualThreads) {
        return switch (peer) {
            case "json" -> new Json(impl, codec());
            case "vthread" -> new OnVirtualThread(impl, virtualThreads, null);
            case "vthread-json" -> new OnVirtualThread(impl, virtualThreads, codec());
            default -> throw new IllegalArgumentException("peer: " + peer
                    + " (expected: direct, parley-local, json, vthread, vthread-json)");
        };
    }

    @SuppressWarnings("unchecked")
    private static Codec<Payload> codec() {
        return (Codec<Payload>) Objects.requireNonNull(
                new JsonCodecFactory().create(JsonCodecFactory.MEDIA_TYPE, Payload.class), "JSON codec");
    }

    private record Json(Echo impl, Codec<Payload> codec) implements Echo {

        @Override
        public Payload echo(Payload payload) {
            Payload reply = impl.echo(codec.decode(codec.encode(payload)));
            return codec.decode(codec.encode(reply));
        }

        @Override
        public CompletableFuture<Payload> echoAsync(Payload payload) {
            return impl.echoAsync(codec.decode(codec.encode(payload)))
                    .thenApply(reply -> codec.decode(codec.encode(reply)));
        }
    }

    private static final class OnVirtualThread implements Echo {

        private final Echo impl;
        private final Executor executor;
        private final @Nullable Codec<Payload> codec;

        OnVirtualThread(Echo impl, Executor executor, @Nullable Codec<Payload> codec) {
            this.impl = impl;
            this.executor = executor;
            this.codec = codec;
        }

        @Override
        public Payload echo(Payload payload) {
            try {
                return echoAsync(payload).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }

        @Override
        public CompletableFuture<Payload> echoAsync(Payload payload) {
            Codec<Payload> c = codec;
            if (c == null) {
                return CompletableFuture.supplyAsync(() -> impl.echo(payload), executor);
            }
            byte[] request = c.encode(payload);
            return CompletableFuture.supplyAsync(() -> c.encode(impl.echo(c.decode(request))), executor)
                    .thenApply(c::decode);
        }
    }
}
