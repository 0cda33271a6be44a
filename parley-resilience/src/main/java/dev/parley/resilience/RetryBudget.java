package dev.parley.resilience;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps retries from piling load on a failing service, in the manner of gRPC's retry throttling: a bucket
 * of tokens starts full; every failed attempt takes one, every success gives back {@code ratio}; retries
 * are allowed only while the bucket is more than half full. Against a service that always fails, retries
 * stop after a handful; against one that mostly works, a failure may be retried. Thread-safe, lock-free;
 * share one budget among the clients that call the same service.
 */
public final class RetryBudget {

    private static final long MILLI = 1000;

    private final long maxMilliTokens;
    private final long ratioMilliTokens;
    private final AtomicLong milliTokens;

    private RetryBudget(int maxTokens, double ratio) {
        this.maxMilliTokens = maxTokens * MILLI;
        this.ratioMilliTokens = Math.round(ratio * MILLI);
        this.milliTokens = new AtomicLong(maxMilliTokens);
    }

    /** gRPC's defaults: 10 tokens, 0.1 back per success. */
    public static RetryBudget ofDefaults() {
        return of(10, 0.1);
    }

    public static RetryBudget of(int maxTokens, double ratio) {
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens: " + maxTokens + " (expected: > 0)");
        }
        if (!(ratio > 0 && ratio <= maxTokens)) {
            throw new IllegalArgumentException("ratio: " + ratio + " (expected: in (0, maxTokens])");
        }
        return new RetryBudget(maxTokens, ratio);
    }

    /** Records a failed attempt. */
    public void onFailure() {
        milliTokens.updateAndGet(t -> Math.max(0, t - MILLI));
    }

    /** Records a successful attempt. */
    public void onSuccess() {
        if (milliTokens.get() >= maxMilliTokens) {
            return; // full, as it is while things go well: no write, so callers on other cores share the line
        }
        milliTokens.updateAndGet(t -> Math.min(maxMilliTokens, t + ratioMilliTokens));
    }

    /** Whether a retry may be made now. */
    public boolean allowsRetry() {
        return milliTokens.get() > maxMilliTokens / 2;
    }

    /** The tokens in the bucket, for tests and metrics. */
    public double tokens() {
        return milliTokens.get() / (double) MILLI;
    }
}
