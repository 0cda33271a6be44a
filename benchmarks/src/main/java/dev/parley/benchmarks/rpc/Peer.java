package dev.parley.benchmarks.rpc;

import dev.parley.benchmarks.local.Payload;
import dev.parley.resilience.Bulkhead;
import dev.parley.resilience.CircuitBreaker;
import dev.parley.resilience.Retry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One peer of the rpc suite: a server and a client of a unary echo in this JVM, sharing
 * {@link #IO_THREADS} I/O threads, started once per trial.
 *
 * <ul>
 *   <li>{@code parley}: {@code tcp://127.0.0.1:port}, handlers on virtual threads (the default);
 *   <li>{@code parley-policies}: {@code parley} with a retry, a circuit breaker and a bulkhead of 1,000 on the
 *       client (S7: what the policies cost a real call);
 *   <li>{@code parley-nonblocking}: the same with every operation {@code @NonBlocking} (handlers on the I/O
 *       thread);
 *   <li>{@code grpc-default}: grpc-java (grpc-netty-shaded) with its default executors on both sides;
 *   <li>{@code grpc-direct}: the same with {@code directExecutor()} on both sides;
 *   <li>{@code netty-raw}: a length-prefixed 1 KiB byte echo on plain Netty, the version Parley uses;
 *       blocking calls only.
 * </ul>
 */
public interface Peer extends AutoCloseable {

    /**
     * I/O threads per peer, servers and clients together: what Parley's tcp transport takes (one per core,
     * shared by a runtime's servers and clients), given to the other peers as well.
     */
    int IO_THREADS = Runtime.getRuntime().availableProcessors();

    /** Called once with the reply, or with the failure. */
    @FunctionalInterface
    interface Reply extends BiConsumer<@Nullable Object, @Nullable Throwable> {
    }

    /** A blocking call; returns the reply. */
    Object call(Payload payload) throws Exception;

    /** A call that never blocks the caller; {@code reply} runs on whichever thread completes it. */
    void callAsync(Payload payload, Reply reply);

    /** A call whose handler waits at {@link #holds()} until released; never blocks the caller. */
    void hold(Payload payload, Reply reply);

    /** The barrier {@link #hold} calls wait at on the server. */
    Holds holds();

    /** Stops client and server and their threads. */
    @Override
    void close();

    /** Starts the peer called {@code name}. */
    static Peer start(String name) throws Exception {
        return switch (name) {
            case "parley" -> new ParleyPeer(false);
            case "parley-nonblocking" -> new ParleyPeer(true);
            case "parley-policies" -> new ParleyPeer(false, List.of(Retry.ofDefaults(), CircuitBreaker.ofDefaults(),
                    Bulkhead.perOperation(1_000)));
            case "grpc-default" -> new GrpcPeer(false);
            case "grpc-direct" -> new GrpcPeer(true);
            case "netty-raw" -> new NettyRawPeer();
            default -> throw new IllegalArgumentException("peer: " + name
                    + " (expected: parley, parley-nonblocking, parley-policies, grpc-default, grpc-direct, netty-raw)");
        };
    }

    /** A loopback port nothing listens on at the moment of asking. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
