package dev.parley.benchmarks.rest;

import dev.parley.Parley;
import dev.parley.benchmarks.local.Payload;
import dev.parley.benchmarks.rpc.Peer;
import dev.parley.transport.http.HttpOptions;
import dev.parley.transport.http.HttpTransportProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One Parley runtime serving the echo at {@code http://127.0.0.1:port} and calling it through its http
 * transport (one I/O thread per core for server and client together), at most {@code connections}
 * connections.
 */
final class ParleyRestPeer extends RestPeer {

    private final Parley parley;
    private final Function<Payload, CompletableFuture<Payload>> call;

    ParleyRestPeer(boolean nonBlocking, int connections) {
        HttpOptions options = HttpOptions.DEFAULT.withMaxConnectionsPerEndpoint(connections);
        parley = Parley.builder().transport(new HttpTransportProvider(options)).build();
        String address = "http://127.0.0.1:" + Peer.freePort();
        try {
            if (nonBlocking) {
                parley.serve(RestEcho.OnIoThread.class, CompletableFuture::completedFuture, address);
                call = parley.client(RestEcho.OnIoThread.class, address)::echo;
            } else {
                parley.serve(RestEcho.class, CompletableFuture::completedFuture, address);
                call = parley.client(RestEcho.class, address)::echo;
            }
        } catch (RuntimeException e) {
            parley.close();
            throw e;
        }
    }

    @Override
    public void callAsync(Payload payload, Reply reply) {
        call.apply(payload).whenComplete(reply);
    }

    @Override
    public void close() {
        parley.close();
    }
}
