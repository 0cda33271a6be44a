package dev.parley.benchmarks.rpc;

import dev.parley.ClientBuilder;
import dev.parley.Parley;
import dev.parley.service.Policy;
import dev.parley.benchmarks.local.Payload;
import dev.parley.transport.tcp.TcpOptions;
import dev.parley.transport.tcp.TcpTransportProvider;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One Parley runtime that serves the echo at {@code tcp://127.0.0.1:port} and calls it: one tcp transport,
 * so server and client share its I/O threads (one per core), with the default options and JSON codec.
 */
final class ParleyPeer implements Peer {

    private final Parley parley;
    private final Holds holds = new Holds();
    private final Function<Payload, Payload> call;
    private final Function<Payload, CompletableFuture<Payload>> callAsync;
    private final Function<Payload, CompletableFuture<Payload>> hold;

    ParleyPeer(boolean nonBlocking) {
        this(nonBlocking, List.of());
    }

    /** With {@code policies} on every operation of the (blocking-handler) client. */
    ParleyPeer(boolean nonBlocking, List<Policy> policies) {
        parley = Parley.builder().transport(new TcpTransportProvider(TcpOptions.DEFAULT)).build();
        String address = "tcp://127.0.0.1:" + Peer.freePort();
        try {
            if (nonBlocking) {
                parley.serve(NonBlockingRpcEcho.class, new NonBlockingEchoImpl(holds), address);
                NonBlockingRpcEcho client = parley.client(NonBlockingRpcEcho.class, address);
                call = client::echo;
                callAsync = client::echoAsync;
                hold = client::hold;
            } else {
                parley.serve(RpcEcho.class, new EchoImpl(holds), address);
                RpcEcho client = withPolicies(parley.client(RpcEcho.class).at(address), policies).build();
                RpcEcho.Async view = parley.client(RpcEcho.Async.class, address);
                call = client::echo;
                callAsync = client::echoAsync;
                hold = view::hold;
            }
        } catch (RuntimeException e) {
            parley.close();
            throw e;
        }
    }

    private static <T> ClientBuilder<T> withPolicies(ClientBuilder<T> client, List<Policy> policies) {
        for (Policy p : policies) {
            client.policy(p);
        }
        return client;
    }

    @Override
    public Object call(Payload payload) {
        return call.apply(payload);
    }

    @Override
    public void callAsync(Payload payload, Reply reply) {
        callAsync.apply(payload).whenComplete(reply);
    }

    @Override
    public void hold(Payload payload, Reply reply) {
        hold.apply(payload).whenComplete(reply);
    }

    @Override
    public Holds holds() {
        return holds;
    }

    @Override
    public void close() {
        holds.release();
        parley.close();
    }

    private record EchoImpl(Holds holds) implements RpcEcho {

        @Override
        public Payload echo(Payload payload) {
            return payload;
        }

        @Override
        public CompletableFuture<Payload> echoAsync(Payload payload) {
            return CompletableFuture.completedFuture(payload);
        }

        @Override
        public Payload hold(Payload payload) {
            holds.block();
            return payload;
        }
    }

    private record NonBlockingEchoImpl(Holds holds) implements NonBlockingRpcEcho {

        @Override
        public Payload echo(Payload payload) {
            return payload;
        }

        @Override
        public CompletableFuture<Payload> echoAsync(Payload payload) {
            return CompletableFuture.completedFuture(payload);
        }

        @Override
        public CompletableFuture<Payload> hold(Payload payload) {
            CompletableFuture<Payload> reply = new CompletableFuture<>();
            holds.park(() -> reply.complete(payload));
            return reply;
        }
    }
}
