package dev.parley.benchmarks.local;

import java.util.concurrent.CompletableFuture;

/** Answers with the payload it was given: the benchmark measures the call, not the work. */
final class EchoImpl implements Echo {

    @Override
    public Payload echo(Payload payload) {
        return payload;
    }

    @Override
    public CompletableFuture<Payload> echoAsync(Payload payload) {
        return CompletableFuture.completedFuture(payload);
    }
}
