package dev.parley.resilience;

/**
 * Decides whether an outcome counts against the downstream. One classifier feeds the circuit breaker, and
 * later retries and metrics, so they never disagree.
 */
@FunctionalInterface
public interface FailureClassifier {

    /**
     * The default: the downstream failed when it was unreachable, too slow, overloaded or broken
     * (UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, INTERNAL, UNKNOWN, DATA_LOSS). A caller's mistake
     * (INVALID_ARGUMENT, NOT_FOUND, a declared exception, ...), a cancellation, and a refusal by one of
     * this client's own policies are not the downstream's failures.
     */
    FailureClassifier DEFAULT = outcome -> !outcome.rejectedLocally() && switch (outcome.status()) {
        case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, INTERNAL, UNKNOWN, DATA_LOSS -> true;
        default -> false;
    };

    boolean isFailure(Outcome outcome);
}
