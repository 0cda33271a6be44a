package dev.parley.resilience;

import static java.util.Objects.requireNonNull;

import dev.parley.resilience.internal.HedgeDelay;
import dev.parley.resilience.internal.HedgeFilter;
import dev.parley.service.Policy;
import java.time.Duration;

/**
 * Hedged requests for {@link dev.parley.Idempotent} operations: when a call has not answered after a delay,
 * a backup is sent; the first good answer wins and the other call is cancelled. Cuts the tail that one slow
 * server or connection adds, for at most one extra call per slow call. Operations that are not idempotent
 * are left alone.
 *
 * <pre>{@code
 * parley.client(Catalog.class).at(uri).policy(Hedge.afterPercentile(95, Duration.ofMillis(50))).build();
 * }</pre>
 */
public final class Hedge implements Policy {

    private final boolean adaptive;
    private final double percentile;
    private final Duration delay;
    private final ResilienceListener listener;

    private Hedge(boolean adaptive, double percentile, Duration delay, ResilienceListener listener) {
        this.adaptive = adaptive;
        this.percentile = percentile;
        this.delay = delay;
        this.listener = listener;
    }

    /** A backup after a fixed {@code delay}. */
    public static Hedge after(Duration delay) {
        return after(delay, ResilienceListener.NONE);
    }

    public static Hedge after(Duration delay, ResilienceListener listener) {
        return new Hedge(false, 0, positive(delay), requireNonNull(listener, "listener"));
    }

    /** A backup after the {@code percentile} of each operation's recent latency ({@code initial} at first). */
    public static Hedge afterPercentile(double percentile, Duration initial) {
        return afterPercentile(percentile, initial, ResilienceListener.NONE);
    }

    public static Hedge afterPercentile(double percentile, Duration initial, ResilienceListener listener) {
        if (!(percentile > 0 && percentile < 100)) {
            throw new IllegalArgumentException("percentile: " + percentile + " (expected: in (0, 100))");
        }
        return new Hedge(true, percentile, positive(initial), requireNonNull(listener, "listener"));
    }

    @Override
    public @org.jspecify.annotations.Nullable HedgeFilter create(Target target) {
        if (!target.operation().idempotent()) {
            return null;
        }
        HedgeDelay d = adaptive ? HedgeDelay.percentile(percentile, delay) : HedgeDelay.fixed(delay);
        return new HedgeFilter(target.name(), d, target.scheduler(), listener);
    }

    @Override
    public String name() {
        return "hedge";
    }

    private static Duration positive(Duration d) {
        requireNonNull(d, "delay");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("delay: " + d + " (expected: > 0)");
        }
        return d;
    }
}
