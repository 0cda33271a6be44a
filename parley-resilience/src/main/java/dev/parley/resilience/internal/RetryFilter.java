package dev.parley.resilience.internal;

import dev.parley.Deadline;
import dev.parley.NotSentException;
import dev.parley.Status;
import dev.parley.internal.runtime.PassingStage;
import dev.parley.internal.runtime.Relay;
import dev.parley.message.HeaderNames;
import dev.parley.message.Message;
import dev.parley.resilience.FailureClassifier;
import dev.parley.resilience.Outcome;
import dev.parley.resilience.ResilienceEvent;
import dev.parley.resilience.ResilienceListener;
import dev.parley.resilience.RetryBudget;
import dev.parley.service.Filter;
import dev.parley.service.Service;
import dev.parley.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Tries a failed call again where that is safe: the operation is idempotent, or the call never reached a
 * handler ({@link NotSentException}). Backoff grows exponentially with jitter and must fit in what is left
 * of the deadline; the budget keeps retries from adding load to a service that keeps failing.
 */
public final class RetryFilter implements Filter {

    /** How a filter retries. */
    public record Settings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, RetryBudget budget,
            FailureClassifier classifier, RandomGenerator random, ResilienceListener listener) {
    }

    private final String name;
    private final boolean idempotent;
    private final Settings settings;
    private final Scheduler scheduler;

    public RetryFilter(String name, boolean idempotent, Settings settings, Scheduler scheduler) {
        this.name = name;
        this.idempotent = idempotent;
        this.settings = settings;
        this.scheduler = scheduler;
    }

    @Override
    public CompletionStage<Message> filter(Message request, Service next) {
        CompletableFuture<Message> first = send(next, request);
        if (first.isDone() && !first.isCompletedExceptionally() && succeeded(first.resultNow())) {
            settings.budget().onSuccess(); // answered at once: nothing to retry, nothing to allocate
            return first;
        }
        Attempts attempts = new Attempts(request, next);
        attempts.follow(1, first);
        return attempts;
    }

    private static CompletableFuture<Message> send(Service next, Message m) {
        try {
            return next.call(m).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static boolean succeeded(@Nullable Message reply) {
        return reply == null || reply.status() == Status.OK;
    }

    /**
     * The attempts of one call: the stage the caller gets, and the callback on each attempt's reply, in one
     * object.
     */
    private final class Attempts extends PassingStage<Message>
            implements BiConsumer<@Nullable Message, @Nullable Throwable> {
        final Message request;
        final Service next;
        volatile @Nullable CompletableFuture<Message> current;
        volatile Scheduler.@Nullable Cancellable timer;
        /** The number of the attempt {@link #current} is. */
        private volatile int attempt;

        Attempts(Message request, Service next) {
            this.request = request;
            this.next = next;
        }

        void start(int attempt) {
            if (isDone()) {
                return;
            }
            follow(attempt, send(next, request.withHeader(HeaderNames.ATTEMPT, Integer.toString(attempt))));
        }

        /** Waits for attempt number {@code attempt}, sent as {@code reply}. */
        void follow(int attempt, CompletableFuture<Message> reply) {
            this.attempt = attempt;
            current = reply;
            if (!(reply instanceof Relay below && !below.isDone() && below.add(this))) {
                reply.whenComplete(this); // (a relay below runs this among its actions: no extra callback)
            }
        }

        @Override
        public void accept(@Nullable Message reply, @Nullable Throwable failure) {
            done(attempt, reply, failure);
        }

        /** The caller gave up: no further attempt, and the current one is cancelled. */
        @Override
        protected void passCancellation() {
            Scheduler.Cancellable t = timer;
            if (t != null) {
                t.cancel();
            }
            CompletableFuture<Message> c = current;
            if (c != null) {
                c.cancel(true);
            }
        }

        void done(int attempt, @Nullable Message reply, @Nullable Throwable failure) {
            Outcome outcome = Outcome.of(reply, failure);
            if (outcome.status() == Status.OK) {
                settings.budget().onSuccess();
                finish(reply, failure);
                return;
            }
            if (outcome.status() == Status.CANCELLED || !settings.classifier().isFailure(outcome)) {
                finish(reply, failure);
                return;
            }
            settings.budget().onFailure();
            Duration delay = backoff(attempt);
            String refusal = refusal(attempt, failure, delay);
            if (refusal != null) {
                Events.emit(settings.listener(),
                        new ResilienceEvent.RetryNotAllowed(name, attempt, outcome.status(), refusal));
                finish(reply, failure);
                return;
            }
            Events.emit(settings.listener(),
                    new ResilienceEvent.RetryScheduled(name, attempt + 1, outcome.status(), delay));
            timer = scheduler.schedule(() -> start(attempt + 1), delay);
        }

        /** Why the call may not be tried again, or {@code null} when it may. */
        @Nullable String refusal(int attempt, @Nullable Throwable failure, Duration delay) {
            if (attempt >= settings.maxAttempts()) {
                return "all " + settings.maxAttempts() + " attempts made";
            }
            if (!idempotent && !(unwrap(failure) instanceof NotSentException)) {
                return "not idempotent, and it may have reached the server";
            }
            if (!settings.budget().allowsRetry()) {
                return "the retry budget is spent";
            }
            Deadline deadline = request.deadline();
            if (deadline != null && deadline.remaining().compareTo(delay) <= 0) {
                return "the deadline leaves no time to wait " + delay.toMillis() + " ms";
            }
            return null;
        }

        void finish(@Nullable Message reply, @Nullable Throwable failure) {
            if (failure != null) {
                completeExceptionally(unwrap(failure));
            } else {
                complete(reply);
            }
        }
    }

    /** Exponential backoff with "equal jitter": half the step for sure, the other half at random. */
    private Duration backoff(int attempt) {
        long initial = settings.initialBackoff().toNanos();
        long step = Math.min(settings.maxBackoff().toNanos(), initial << Math.min(attempt - 1, 30));
        long half = step / 2;
        return Duration.ofNanos(half + settings.random().nextLong(half + 1));
    }

    private static @Nullable Throwable unwrap(@Nullable Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    @Override
    public String name() {
        return "retry";
    }
}
