package dev.parley.internal.runtime;

import dev.parley.ClientCall;
import dev.parley.message.Headers;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The future client stubs return: a plain {@link CompletableFuture} to the caller that also keeps the
 * reply's headers for {@link ClientCall#of}. Futures derived from it are plain ones.
 */
public final class ClientFuture<T> extends CompletableFuture<T> {

    public static final ClientCall NONE = new ClientCall(Headers.empty());
    private static final ThreadLocal<@Nullable ClientCall> LAST = new ThreadLocal<>();

    private volatile ClientCall call = NONE;

    void complete(@Nullable T value, Headers headers) {
        call = new ClientCall(headers);
        complete(value);
    }

    void fail(Throwable failure, Headers headers) {
        call = new ClientCall(headers);
        completeExceptionally(failure);
    }

    public ClientCall call() {
        return call;
    }

    /** Makes this future's call the thread's last one; a synchronous stub does this before returning. */
    void rememberOnThisThread() {
        LAST.set(call);
    }

    public static ClientCall lastOnThisThread() {
        ClientCall c = LAST.get();
        return c == null ? NONE : c;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
