package dev.parley.resilience.internal;

import dev.parley.Status;
import dev.parley.message.Message;
import dev.parley.resilience.RejectedException;
import dev.parley.resilience.ResilienceEvent;
import dev.parley.resilience.ResilienceListener;
import dev.parley.service.Filter;
import dev.parley.service.Filters;
import dev.parley.service.Service;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * At most N calls in flight through this filter; one more is refused at once with RESOURCE_EXHAUSTED. The
 * permit is held until the call's stage completes, however it completes (cancellation included).
 */
public final class BulkheadFilter implements Filter {

    private final String name;
    private final Bulkhead bulkhead;
    private final ResilienceListener listener;
    private final CompletableFuture<Message> rejected;
    private final BiConsumer<@Nullable Message, @Nullable Throwable> release;

    public BulkheadFilter(String name, int maxConcurrentCalls, ResilienceListener listener) {
        this.name = name;
        this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
                .maxConcurrentCalls(maxConcurrentCalls)
                .maxWaitDuration(Duration.ZERO)
                .build());
        this.listener = listener;
        this.release = (m, e) -> bulkhead.onComplete();
        this.rejected = CompletableFuture.failedFuture(new RejectedException(Status.RESOURCE_EXHAUSTED,
                "bulkhead of " + name + " is full: " + maxConcurrentCalls + " calls in flight"));
    }

    @Override
    public CompletionStage<Message> filter(Message request, Service next) {
        if (!bulkhead.tryAcquirePermission()) {
            if (listener != ResilienceListener.NONE) {
                Events.emit(listener, new ResilienceEvent.CallRejected(name, "bulkhead", Status.RESOURCE_EXHAUSTED));
            }
            return rejected;
        }
        CompletableFuture<Message> reply;
        try {
            reply = next.call(request).toCompletableFuture();
        } catch (RuntimeException e) {
            bulkhead.onComplete();
            throw e;
        }
        // The permit is back before the caller sees the reply: its next call finds room.
        return Filters.whenComplete(reply, release);
    }

    /** Calls that may still start. */
    public int available() {
        return bulkhead.getMetrics().getAvailableConcurrentCalls();
    }

    @Override
    public String name() {
        return "bulkhead";
    }
}
