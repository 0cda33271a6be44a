package dev.parley.resilience.internal;

import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.message.Message;
import dev.parley.resilience.FailureClassifier;
import dev.parley.resilience.Outcome;
import dev.parley.resilience.RejectedException;
import dev.parley.resilience.ResilienceEvent;
import dev.parley.resilience.ResilienceListener;
import dev.parley.service.Filter;
import dev.parley.service.Filters;
import dev.parley.service.Service;
import dev.parley.time.Scheduler;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A circuit breaker on Resilience4j's state machine: calls go through while it is closed, fail fast with
 * UNAVAILABLE while it is open, and a few probes go through when it is half open. The classifier says which
 * outcomes count as failures.
 */
public final class BreakerFilter implements Filter {

    private final String name;
    private final CircuitBreaker breaker;
    private final FailureClassifier classifier;
    private final ResilienceListener listener;
    private final CompletableFuture<Message> rejected;
    private final BiConsumer<@Nullable Message, @Nullable Throwable> record = this::record;

    public BreakerFilter(String name, CircuitBreakerConfig.Builder config, FailureClassifier classifier,
            Scheduler scheduler, ResilienceListener listener) {
        this.name = name;
        this.classifier = classifier;
        this.listener = listener;
        this.breaker = CircuitBreaker.of(name, config
                .clock(new SchedulerClock(scheduler))
                .currentTimestampFunction(clock -> scheduler.nanoTime(), TimeUnit.NANOSECONDS)
                .recordException(t -> true) // what reaches onError is a failure already
                .build());
        if (listener != ResilienceListener.NONE) {
            // Only when someone listens: with a consumer, Resilience4j makes an event object for every call.
            breaker.getEventPublisher().onStateTransition(e -> Events.emit(listener,
                    new ResilienceEvent.BreakerStateChanged(name, e.getStateTransition().getFromState().name(),
                            e.getStateTransition().getToState().name())));
        }
        this.rejected = CompletableFuture.failedFuture(new RejectedException(Status.UNAVAILABLE,
                "circuit breaker of " + name + " is open: the call was not sent"));
    }

    @Override
    public CompletionStage<Message> filter(Message request, Service next) {
        if (!breaker.tryAcquirePermission()) {
            if (listener != ResilienceListener.NONE) {
                Events.emit(listener, new ResilienceEvent.CallRejected(name, "circuit breaker", Status.UNAVAILABLE));
            }
            return rejected;
        }
        CompletableFuture<Message> reply;
        try {
            reply = next.call(request).toCompletableFuture();
        } catch (RuntimeException e) {
            breaker.releasePermission();
            throw e;
        }
        if (reply.isDone() && !reply.isCompletedExceptionally()) {
            record(reply.resultNow(), null); // answered at once: no callback
            return reply;
        }
        // Recorded before the caller sees the reply, so its next call meets the breaker's new state.
        return Filters.whenComplete(reply, record);
    }

    /**
     * Counts the outcome. Durations are not recorded (0): a call's slowness is its deadline's to judge, and
     * a call that overruns it fails with DEADLINE_EXCEEDED, which the classifier counts as a failure. So
     * Resilience4j's slow-call rule is off, and the breaker needs no clock reading and no per-call state.
     */
    private void record(@Nullable Message reply, @Nullable Throwable failure) {
        Outcome outcome = Outcome.of(reply, failure);
        if (outcome.status() == Status.CANCELLED) {
            breaker.releasePermission(); // the caller gave up: says nothing about the downstream
        } else if (classifier.isFailure(outcome)) {
            breaker.onError(0, TimeUnit.NANOSECONDS, new ParleyException(outcome.status(), "failed call"));
        } else {
            breaker.onSuccess(0, TimeUnit.NANOSECONDS);
        }
    }

    /** CLOSED, OPEN, HALF_OPEN, ... */
    public String state() {
        return breaker.getState().name();
    }

    @Override
    public String name() {
        return "circuit-breaker";
    }
}
