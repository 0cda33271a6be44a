package dev.parley.internal.runtime;

import dev.parley.ClientCall;
import dev.parley.message.Headers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * The future client stubs return: a plain {@link CompletableFuture} to the caller that also keeps the
 * reply's headers for {@link ClientCall#of}. Futures derived from it are plain ones.
 */
public final class ClientFuture<T> extends PassingStage<T> {

    public static final ClientCall NONE = new ClientCall(Headers.empty());
    private static final ThreadLocal<@Nullable ClientCall> LAST = new ThreadLocal<>();

    private volatile ClientCall call = NONE;
    /** What cancelling this future cancels too: the call on its way through the chain. */
    private volatile @Nullable Future<?> downstream;

    void complete(@Nullable T value, Headers headers) {
        call = new ClientCall(headers);
        complete(value);
    }

    void fail(Throwable failure, Headers headers) {
        call = new ClientCall(headers);
        completeExceptionally(failure);
    }

    /** Makes cancelling this future cancel {@code call}; when it was cancelled already, cancels it now. */
    void cancels(Future<?> call) {
        downstream = call;
        if (isCancelled()) {
            call.cancel(true);
        }
    }

    @Override
    public boolean completeExceptionally(Throwable failure) {
        boolean done = super.completeExceptionally(failure);
        if (done && failure instanceof CancellationException) {
            passCancellation(); // cancelled by another name: isCancelled() says so too
        }
        return done;
    }

    @Override
    protected void passCancellation() {
        Future<?> d = downstream;
        if (d != null) {
            d.cancel(true);
        }
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
}
