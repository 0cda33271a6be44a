package dev.parley.internal.runtime;

import java.util.concurrent.CompletableFuture;

/**
 * A future whose cancellation goes further: to the call below it, a handler's thread, a retry's next
 * attempt. The one place that rule is written; the futures the runtime and the policies hand out extend it.
 * Stages derived from it ({@code thenApply}, ...) are plain futures.
 */
public abstract class PassingStage<T> extends CompletableFuture<T> {

    /** Cancels this stage and, once, whatever {@link #passCancellation} reaches. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            passCancellation();
        }
        return cancelled;
    }

    /** This stage was cancelled: cancel what it stands for. */
    protected abstract void passCancellation();

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
