package dev.parley.benchmarks.rpc;

import dev.parley.Contract;
import dev.parley.benchmarks.local.Payload;
import java.util.concurrent.CompletableFuture;

/**
 * The contract the {@code parley} peer serves over {@code tcp://}: every handler runs on a virtual thread
 * (Parley's default). Its twin {@link NonBlockingRpcEcho} differs only in {@code @NonBlocking}.
 */
@Contract(name = "rpc-echo", version = "1.0")
public interface RpcEcho {

    /** S1: a blocking call. */
    Payload echo(Payload payload);

    /** S2, S8: a future-returning call. */
    CompletableFuture<Payload> echoAsync(Payload payload);

    /**
     * S8 heap: the handler blocks its virtual thread until every held call has arrived, as a Parley handler
     * that waits for something does. Callers use {@link Async#hold}.
     */
    Payload hold(Payload payload);

    /** The async view of {@link #hold}: same contract, so the benchmark thread can have 10,000 out at once. */
    @Contract(name = "rpc-echo", version = "1.0")
    interface Async {
        CompletableFuture<Payload> hold(Payload payload);
    }
}
