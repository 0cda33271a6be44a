package dev.parley.benchmarks.local;

import dev.parley.Contract;
import java.util.concurrent.CompletableFuture;

/** The contract the local suite calls: a unary echo, blocking and future-returning. */
@Contract(name = "echo", version = "1.0")
public interface Echo {

    Payload echo(Payload payload);

    CompletableFuture<Payload> echoAsync(Payload payload);
}
