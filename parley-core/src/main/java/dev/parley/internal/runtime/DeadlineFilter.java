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
import org.jspecify.annotations.Nullable;

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
        Watch watch = new Watch(downstream, deadline);
        watch.timer = scheduler.schedule(watch, java.time.Duration.ofNanos(remaining));
        downstream.whenComplete(watch);
        return watch;
    }

    /**
     * One call's reply as the caller sees it, the timer's task and the downstream's callback in one object:
     * a call that is answered in time costs this, the timer, and nothing else.
     */
    private static final class Watch extends Relay implements Runnable {

        private final Deadline deadline;
        volatile Scheduler.@Nullable Cancellable timer;

        Watch(CompletableFuture<Message> downstream, Deadline deadline) {
            super(downstream);
            this.deadline = deadline;
        }

        /** The downstream answered (or failed, or was cancelled). */
        @Override
        public void accept(@Nullable Message reply, @Nullable Throwable failure) {
            Scheduler.Cancellable t = timer;
            if (t != null) {
                t.cancel();
            }
            finish(reply, failure);
        }

        /** The deadline passed first: fail the call and stop the downstream. */
        @Override
        public void run() {
            if (finish(null, expired(deadline))) {
                source.cancel(true);
            }
        }
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
