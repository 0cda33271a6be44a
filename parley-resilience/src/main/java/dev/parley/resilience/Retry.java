package dev.parley.resilience;

import static java.util.Objects.requireNonNull;

import dev.parley.resilience.internal.RetryFilter;
import dev.parley.service.Policy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Retries where it is safe: operations marked {@link dev.parley.Idempotent}, and any call that never reached
 * a handler ({@link dev.parley.NotSentException}). Only failures the {@link FailureClassifier} counts are
 * retried, with exponential backoff and jitter that must fit in the call's deadline, and only while the
 * {@link RetryBudget} allows. Each attempt carries {@code parley-attempt}.
 *
 * <pre>{@code
 * parley.client(TripService.class).at(uri)
 *         .policy(Retry.builder().maxAttempts(3).backoff(Duration.ofMillis(25), Duration.ofSeconds(1)).build())
 *         .policy(CircuitBreaker.ofDefaults())   // inside the retry: each attempt meets the breaker
 *         .build();
 * }</pre>
 *
 * <p>The builder is not thread-safe; the policy is immutable, and its budget is shared by every operation
 * of every client it is given to.
 */
public final class Retry implements Policy {

    private final RetryFilter.Settings settings;

    private Retry(RetryFilter.Settings settings) {
        this.settings = settings;
    }

    /** Defaults: 3 attempts, backoff from 25 ms doubling to 1 s, gRPC's retry budget. */
    public static Builder builder() {
        return new Builder();
    }

    public static Retry ofDefaults() {
        return builder().build();
    }

    @Override
    public RetryFilter create(Target target) {
        return new RetryFilter(target.name(), target.operation().idempotent(), settings, target.scheduler());
    }

    @Override
    public String name() {
        return "retry";
    }

    /** The budget every call retried by this policy draws from. */
    public RetryBudget budget() {
        return settings.budget();
    }

    /** Configures a {@link Retry}. Not thread-safe. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initial = Duration.ofMillis(25);
        private Duration max = Duration.ofSeconds(1);
        private RetryBudget budget = RetryBudget.ofDefaults();
        private FailureClassifier classifier = FailureClassifier.DEFAULT;
        private RandomGenerator random = RandomGenerator.getDefault();
        private ResilienceListener listener = ResilienceListener.NONE;

        private Builder() {
        }

        /** Attempts in all, the first included. */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts: " + attempts + " (expected: >= 1)");
            }
            this.maxAttempts = attempts;
            return this;
        }

        /** The first wait, doubling after each attempt up to {@code max}; half of each is random. */
        public Builder backoff(Duration initial, Duration max) {
            requireNonNull(initial, "initial");
            requireNonNull(max, "max");
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff: " + initial + " to " + max
                        + " (expected: 0 < initial <= max)");
            }
            this.initial = initial;
            this.max = max;
            return this;
        }

        public Builder budget(RetryBudget budget) {
            this.budget = requireNonNull(budget, "budget");
            return this;
        }

        public Builder classifier(FailureClassifier classifier) {
            this.classifier = requireNonNull(classifier, "classifier");
            return this;
        }

        /** The source of jitter; a seeded one makes a run repeatable. */
        public Builder random(RandomGenerator random) {
            this.random = requireNonNull(random, "random");
            return this;
        }

        public Builder listener(ResilienceListener listener) {
            this.listener = requireNonNull(listener, "listener");
            return this;
        }

        public Retry build() {
            return new Retry(new RetryFilter.Settings(maxAttempts, initial, max, budget, classifier, random,
                    listener));
        }
    }
}
