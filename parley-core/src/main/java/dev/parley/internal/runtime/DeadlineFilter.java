package dev.parley.internal.runtime;

import dev.parley.Deadline;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.message.Message;
import dev.parley.service.Filter;
import dev.parley.service.Service;
import dev.parley.time.Scheduler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Fails a call with DEADLINE_EXCEEDED when its deadline passes and cancels it downstream, so the transport
 * can stop the work on the server. It sits last before the transport: every attempt a retry makes above it
 * gets the same, shrinking, budget.
 */
public final class DeadlineFilter implements Filter {

    private final Scheduler scheduler;

    public DeadlineFilter(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public CompletionStage<Message> filter(Message request, Service next) {
        Deadline deadline = request.deadline();
        if (deadline == null) {
            return next.call(request);
        }
        long remaining = deadline.remainingNanos();
        if (remaining <= 0) {
            return CompletableFuture.failedFuture(expired(deadline));
        }
        CompletableFuture<Message> downstream = next.call(request).toCompletableFuture();
        if (downstream.isDone()) {
            return downstream; // answered at once (a local handler, a cache): no timer needed
        }
        // The deadline is absolute, so arming the timer now measures the same budget as arming it before the
        // call: whatever time the call took to go out (a local handler may already have run for a while) is
        // not given back.
        remaining = deadline.remainingNanos();
        if (remaining <= 0) {
            downstream.cancel(true);
            return CompletableFuture.failedFuture(expired(deadline));
        }
        CompletableFuture<Message> result = new CompletableFuture<>();
        Scheduler.Cancellable timer = scheduler.schedule(() -> result.completeExceptionally(expired(deadline)),
                java.time.Duration.ofNanos(remaining));
        downstream.whenComplete((reply, failure) -> {
            timer.cancel();
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(reply);
            }
        });
        // Timed out or cancelled by the caller before the downstream answered: stop the downstream too.
        result.whenComplete((reply, failure) -> {
            if (!downstream.isDone()) {
                downstream.cancel(true);
            }
        });
        return result;
    }

    static ParleyException expired(Deadline deadline) {
        return new ParleyException(Status.DEADLINE_EXCEEDED, "deadline exceeded (" + -deadline.remaining().toMillis()
                + " ms ago)");
    }

    @Override
    public String name() {
        return "deadline";
    }
}
