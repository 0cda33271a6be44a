package dev.parley.benchmarks.rpc;

import dev.parley.Contract;
import dev.parley.NonBlocking;
import dev.parley.benchmarks.local.Payload;
import java.util.concurrent.CompletableFuture;

/**
 * {@link RpcEcho} with every operation {@code @NonBlocking}: the server runs the handler on the I/O thread
 * that read the request, with no hand-off to a virtual thread. {@link #hold} must not block there, so it
 * returns a future that the barrier completes.
 */
@Contract(name = "rpc-echo-nb", version = "1.0")
@NonBlocking
public interface NonBlockingRpcEcho {

    Payload echo(Payload payload);

    CompletableFuture<Payload> echoAsync(Payload payload);

    CompletableFuture<Payload> hold(Payload payload);
}
