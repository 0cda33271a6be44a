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
            return downstream;
        }
        CompletableFuture<Message> result = new CompletableFuture<>();
        Scheduler.Cancellable timer = scheduler.schedule(() -> {
            if (result.completeExceptionally(expired(deadline))) {
                downstream.cancel(true);
            }
        }, java.time.Duration.ofNanos(remaining));
        downstream.whenComplete((reply, failure) -> {
            timer.cancel();
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(reply);
            }
        });
        result.whenComplete((reply, failure) -> {
            if (result.isCancelled()) {
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
