package dev.parley.resilience.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How long a hedge waits: a fixed delay, or a percentile of the latest good latencies (a ring of 256,
 * recomputed every 64 records; until 64 have been seen, the fixed delay stands).
 */
public final class HedgeDelay {

    private static final int RING = 256;
    private static final int RECOMPUTE_EVERY = 64;

    private final Duration fixed;
    private final double percentile;
    private final AtomicLongArray ring = new AtomicLongArray(RING);
    private final AtomicInteger recorded = new AtomicInteger();
    private volatile Duration current;

    private HedgeDelay(Duration fixed, double percentile) {
        this.fixed = fixed;
        this.percentile = percentile;
        this.current = fixed;
    }

    public static HedgeDelay fixed(Duration delay) {
        return new HedgeDelay(delay, 0);
    }

    /** The {@code percentile} (e.g. 95) of observed latency, {@code initial} until there are enough. */
    public static HedgeDelay percentile(double percentile, Duration initial) {
        return new HedgeDelay(initial, percentile);
    }

    Duration current() {
        return current;
    }

    void record(Duration latency) {
        if (percentile <= 0) {
            return;
        }
        int n = recorded.incrementAndGet();
        ring.set((n - 1) % RING, latency.toNanos());
        if (n % RECOMPUTE_EVERY == 0) {
            int size = Math.min(n, RING);
            long[] sample = new long[size];
            for (int i = 0; i < size; i++) {
                sample[i] = ring.get(i);
            }
            Arrays.sort(sample);
            int index = (int) Math.min(size - 1, Math.ceil(percentile / 100 * size) - 1);
            current = Duration.ofNanos(sample[Math.max(0, index)]);
        }
    }

    @Override
    public String toString() {
        return percentile > 0 ? "p" + percentile + " (now " + current + ")" : fixed.toString();
    }
}
