package dev.parley.benchmarks.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.benchmarks.local.Payload;
import dev.parley.benchmarks.rpc.Holds;
import dev.parley.benchmarks.rpc.Peer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A peer of the rest suite: a server answering {@code POST /echo} with the JSON body it read, and a client
 * with {@code connections} keep-alive connections to it. Each peer reads the request into a {@link Payload}
 * and writes the reply from it with Jackson, on both sides. Calls are asynchronous; nothing is held.
 */
abstract class RestPeer implements Peer {

    /** One Jackson mapper for the peers that bind by hand (Parley uses its own JSON codec). */
    static final ObjectMapper JSON = new ObjectMapper();

    /** Starts the peer called {@code name} with a client of {@code connections} connections. */
    static Peer start(String name, int connections) throws Exception {
        return switch (name) {
            case "parley" -> new ParleyRestPeer(false, connections);
            case "parley-nonblocking" -> new ParleyRestPeer(true, connections);
            case "vertx" -> new VertxPeer(connections);
            case "armeria" -> new ArmeriaPeer(connections);
            default -> throw new IllegalArgumentException("peer: " + name
                    + " (expected: parley, parley-nonblocking, vertx, armeria)");
        };
    }

    static byte[] write(Payload p) {
        try {
            return JSON.writeValueAsBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Payload read(byte[] body) {
        try {
            return JSON.readValue(body, Payload.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Object call(Payload payload) throws Exception {
        CompletableFuture<Object> reply = new CompletableFuture<>();
        callAsync(payload, (r, t) -> {
            if (t != null) {
                reply.completeExceptionally(t);
            } else {
                reply.complete(r);
            }
        });
        return reply.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void hold(Payload payload, Reply reply) {
        throw new UnsupportedOperationException("the rest suite holds no calls");
    }

    @Override
    public Holds holds() {
        throw new UnsupportedOperationException("the rest suite holds no calls");
    }
}
