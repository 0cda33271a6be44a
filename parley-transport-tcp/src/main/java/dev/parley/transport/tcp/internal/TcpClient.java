package dev.parley.transport.tcp.internal;

import dev.parley.NotSentException;
import dev.parley.Status;
import dev.parley.message.Message;
import dev.parley.service.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of a {@code tcp://} address: its endpoints in round-robin order, skipping those that are
 * down; UNAVAILABLE at once when none can be had.
 */
final class TcpClient implements Service {

    private final String address;
    private final List<Endpoint> endpoints;
    private final AtomicInteger next = new AtomicInteger();

    TcpClient(String address, List<Endpoint> endpoints) {
        this.address = address;
        this.endpoints = List.copyOf(endpoints);
    }

    @Override
    public CompletionStage<Message> call(Message request) {
        Endpoint endpoint = pick();
        if (endpoint == null) {
            return CompletableFuture.failedFuture(new NotSentException(Status.UNAVAILABLE, "no endpoint of " + address
                    + " is reachable: " + errors()));
        }
        ClientConnection quick = endpoint.quick();
        CompletableFuture<Message> sent = quick == null ? null : quick.tryCall(request);
        if (sent != null) {
            return sent; // the common case: no lock, no extra future
        }
        CompletableFuture<Message> result = new CompletableFuture<>();
        send(endpoint, request, result);
        return result;
    }

    /** Sends through a connection with room; one that filled up meanwhile sends us back for another. */
    private void send(Endpoint endpoint, Message request, CompletableFuture<Message> result) {
        endpoint.acquire().whenComplete((connection, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
                return;
            }
            if (result.isDone()) {
                return; // the caller gave up while the connection was being made: send nothing
            }
            CompletableFuture<Message> reply = connection.tryCall(request);
            if (reply == null) {
                send(endpoint, request, result);
                return;
            }
            reply.whenComplete((m, e) -> {
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(m);
                }
            });
            result.whenComplete((m, e) -> {
                if (result.isCancelled()) {
                    reply.cancel(true);
                }
            });
        });
    }

    private Endpoint pick() {
        int n = endpoints.size();
        int start = Math.floorMod(next.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            Endpoint e = endpoints.get((start + i) % n);
            if (!e.isDown()) {
                return e;
            }
        }
        return null;
    }

    private List<String> errors() {
        List<String> errors = new ArrayList<>();
        for (Endpoint e : endpoints) {
            errors.add(e + " (" + e.lastError() + ")");
        }
        return errors;
    }

    void close() {
        endpoints.forEach(Endpoint::close);
    }

    @Override
    public String toString() {
        return address;
    }
}
