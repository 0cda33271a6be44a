package dev.parley;

import dev.parley.internal.runtime.ClientFuture;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * What a client learns about a finished call beyond its value: the reply's headers, and so whether the
 * answer came from a fallback rather than the server.
 *
 * <pre>{@code
 * Trip trip = trips.get(id);
 * if (ClientCall.last().fromFallback()) { ... }            // synchronous calls: the thread's last call
 *
 * CompletableFuture<Trip> f = trips.create(request);
 * f.thenRun(() -> ClientCall.of(f).fromFallback());        // asynchronous calls: the future's call
 * }</pre>
 *
 * @param replyHeaders the reply's headers; empty when the call failed without a reply
 */
public record ClientCall(Headers replyHeaders) {

    /** The last synchronous call this thread made through a Parley client; empty before the first. */
    public static ClientCall last() {
        return ClientFuture.lastOnThisThread();
    }

    /** The call behind a future a Parley client returned, once it is complete; empty before that. */
    public static ClientCall of(CompletionStage<?> result) {
        return result instanceof ClientFuture<?> f ? f.call() : ClientFuture.NONE;
    }

    /** Whether a client-side fallback made the answer. */
    public boolean fromFallback() {
        return fallback() != null;
    }

    /** The fallback that made the answer ({@code default}, {@code function}, {@code last-good}), or null. */
    public @Nullable String fallback() {
        return replyHeaders.get(HeaderNames.FALLBACK);
    }
}
