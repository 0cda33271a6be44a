package dev.parley.resilience;

import dev.parley.Status;

/** What the policies report to a {@link ResilienceListener}. */
public sealed interface ResilienceEvent {

    /** What the event is about, e.g. {@code trips.get}. */
    String name();

    /** A circuit breaker moved between CLOSED, OPEN, HALF_OPEN (and the forced states). */
    record BreakerStateChanged(String name, String from, String to) implements ResilienceEvent {
    }

    /** A failed attempt that will be tried again after {@code delay}. */
    record RetryScheduled(String name, int nextAttempt, Status failure, java.time.Duration delay)
            implements ResilienceEvent {
    }

    /** A failed attempt that is not tried again, and why. */
    record RetryNotAllowed(String name, int attempt, Status failure, String reason) implements ResilienceEvent {
    }

    /** A backup of a slow idempotent call was sent after {@code delay}. */
    record HedgeSent(String name, java.time.Duration delay) implements ResilienceEvent {
    }

    /** A fallback answered in the server's place. */
    record FallbackUsed(String name, String kind, Status failure) implements ResilienceEvent {
    }

    /** A call refused by a policy before it was sent. */
    record CallRejected(String name, String policy, Status status) implements ResilienceEvent {
    }
}
