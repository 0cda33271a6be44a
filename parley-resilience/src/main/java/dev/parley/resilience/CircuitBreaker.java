package dev.parley.resilience;

import static java.util.Objects.requireNonNull;

import dev.parley.resilience.internal.BreakerFilter;
import dev.parley.service.Policy;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;

/**
 * A circuit breaker per operation and endpoint, on Resilience4j's state machine. While open, calls fail at
 * once with UNAVAILABLE (a {@link RejectedException} saying the breaker is open) and are not sent; after the
 * wait, a few probes go through, and their outcome closes or reopens it. Outcomes are judged by the
 * {@link FailureClassifier}. Time is the runtime's {@link dev.parley.time.Scheduler}.
 *
 * <pre>{@code
 * parley.client(TripService.class).at(uri)
 *         .policy(CircuitBreaker.builder().failureRate(50).window(20).waitInOpen(Duration.ofSeconds(5)).build())
 *         .build();
 * }</pre>
 *
 * <p>The builder is not thread-safe; the policy it builds is immutable.
 */
public final class CircuitBreaker implements Policy {

    private final float failureRate;
    private final int window;
    private final int minimumCalls;
    private final Duration waitInOpen;
    private final int probes;
    private final FailureClassifier classifier;
    private final ResilienceListener listener;

    private CircuitBreaker(Builder b) {
        this.failureRate = b.failureRate;
        this.window = b.window;
        this.minimumCalls = b.minimumCalls;
        this.waitInOpen = b.waitInOpen;
        this.probes = b.probes;
        this.classifier = b.classifier;
        this.listener = b.listener;
    }

    /** Defaults: opens at 50% failures over the last 20 calls (once 10 were made), waits 5 s, 2 probes. */
    public static Builder builder() {
        return new Builder();
    }

    /** A breaker with the defaults. */
    public static CircuitBreaker ofDefaults() {
        return builder().build();
    }

    @Override
    public BreakerFilter create(Target target) {
        CircuitBreakerConfig.Builder config = CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRate)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(window)
                .minimumNumberOfCalls(minimumCalls)
                .waitDurationInOpenState(waitInOpen)
                .permittedNumberOfCallsInHalfOpenState(probes);
        return new BreakerFilter(target.name() + "@" + target.address(), config, classifier, target.scheduler(),
                listener);
    }

    @Override
    public String name() {
        return "circuit-breaker";
    }

    /** Configures a {@link CircuitBreaker}. Not thread-safe. */
    public static final class Builder {
        private float failureRate = 50;
        private int window = 20;
        private int minimumCalls = 10;
        private Duration waitInOpen = Duration.ofSeconds(5);
        private int probes = 2;
        private FailureClassifier classifier = FailureClassifier.DEFAULT;
        private ResilienceListener listener = ResilienceListener.NONE;

        private Builder() {
        }

        /** The failure percentage (0, 100] at or above which the breaker opens. */
        public Builder failureRate(float percent) {
            if (!(percent > 0 && percent <= 100)) {
                throw new IllegalArgumentException("percent: " + percent + " (expected: in (0, 100])");
            }
            this.failureRate = percent;
            return this;
        }

        /** How many of the latest calls the rate is taken over. */
        public Builder window(int calls) {
            this.window = positive(calls, "calls");
            return this;
        }

        /** How many calls must have been made before the rate is trusted. */
        public Builder minimumCalls(int calls) {
            this.minimumCalls = positive(calls, "calls");
            return this;
        }

        /** How long the breaker stays open before letting probes through. */
        public Builder waitInOpen(Duration wait) {
            requireNonNull(wait, "wait");
            if (wait.isNegative() || wait.isZero()) {
                throw new IllegalArgumentException("wait: " + wait + " (expected: > 0)");
            }
            this.waitInOpen = wait;
            return this;
        }

        /** How many probe calls go through while half open. */
        public Builder probes(int calls) {
            this.probes = positive(calls, "calls");
            return this;
        }

        public Builder classifier(FailureClassifier classifier) {
            this.classifier = requireNonNull(classifier, "classifier");
            return this;
        }

        public Builder listener(ResilienceListener listener) {
            this.listener = requireNonNull(listener, "listener");
            return this;
        }

        public CircuitBreaker build() {
            return new CircuitBreaker(this);
        }

        private static int positive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
            }
            return value;
        }
    }
}
