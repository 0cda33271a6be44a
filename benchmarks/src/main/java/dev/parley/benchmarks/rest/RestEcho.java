package dev.parley.benchmarks.rest;

import dev.parley.Contract;
import dev.parley.NonBlocking;
import dev.parley.benchmarks.local.Payload;
import dev.parley.http.Post;
import java.util.concurrent.CompletableFuture;

/** The contract the {@code parley} peer serves: {@code POST /v1/echo}, the handler on a virtual thread. */
@Contract(name = "rest-echo", version = "1.0")
public interface RestEcho {

    @Post("/echo")
    CompletableFuture<Payload> echo(Payload payload);

    /** The same route with the handler on the I/O thread, as Vert.x and Armeria run theirs. */
    @Contract(name = "rest-echo", version = "1.0")
    @NonBlocking
    interface OnIoThread {
        @Post("/echo")
        CompletableFuture<Payload> echo(Payload payload);
    }
}
