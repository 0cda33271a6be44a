package dev.parley.messaging;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The delivery rules of one runtime's broker transport, the same on every broker. Immutable; every default
 * is here and in docs/defaults.md.
 *
 * @param maxAttempts how many times a message is handed to a handler before it is dead-lettered (default 5)
 * @param initialBackoff the wait before the second attempt (default 100 ms); it doubles for each later one
 * @param maxBackoff the longest wait between attempts (default 5 s)
 * @param prefetch the most unsettled deliveries a consumer holds (default 64); also its concurrency
 * @param deduplicate how many message ids an idempotent consumer remembers per consumer; 0 turns
 *        deduplication off (the default: it is opt-in)
 * @param deduplicateFor how long an idempotent consumer remembers a message id (default 10 min)
 * @param drainTimeout how long closing a consumer waits for its running handlers before releasing what is
 *        left (default 5 s)
 */
public record MessagingOptions(int maxAttempts, Duration initialBackoff, Duration maxBackoff, int prefetch,
        int deduplicate, Duration deduplicateFor, Duration drainTimeout) {

    /** The defaults. */
    public static final MessagingOptions DEFAULT = new MessagingOptions(5, Duration.ofMillis(100),
            Duration.ofSeconds(5), 64, 0, Duration.ofMinutes(10), Duration.ofSeconds(5));

    public MessagingOptions {
        atLeast(maxAttempts, 1, "maxAttempts");
        atLeast(prefetch, 1, "prefetch");
        atLeast(deduplicate, 0, "deduplicate");
        notNegative(initialBackoff, "initialBackoff");
        notNegative(maxBackoff, "maxBackoff");
        notNegative(deduplicateFor, "deduplicateFor");
        notNegative(drainTimeout, "drainTimeout");
    }

    public MessagingOptions withMaxAttempts(int n) {
        return new MessagingOptions(n, initialBackoff, maxBackoff, prefetch, deduplicate, deduplicateFor, drainTimeout);
    }

    public MessagingOptions withBackoff(Duration initial, Duration max) {
        return new MessagingOptions(maxAttempts, initial, max, prefetch, deduplicate, deduplicateFor, drainTimeout);
    }

    public MessagingOptions withPrefetch(int n) {
        return new MessagingOptions(maxAttempts, initialBackoff, maxBackoff, n, deduplicate, deduplicateFor, drainTimeout);
    }

    /** An idempotent consumer: remembers up to {@code ids} message ids for {@code window} and skips repeats. */
    public MessagingOptions withDeduplication(int ids, Duration window) {
        return new MessagingOptions(maxAttempts, initialBackoff, maxBackoff, prefetch, ids, window, drainTimeout);
    }

    public MessagingOptions withDrainTimeout(Duration d) {
        return new MessagingOptions(maxAttempts, initialBackoff, maxBackoff, prefetch, deduplicate, deduplicateFor, d);
    }

    /** The wait after failed attempt {@code attempt} (1-based): initial × 2^(attempt−1), at most the maximum. */
    public Duration backoff(int attempt) {
        long nanos = initialBackoff.toNanos();
        for (int i = 1; i < attempt && nanos < maxBackoff.toNanos(); i++) {
            nanos *= 2;
        }
        return Duration.ofNanos(Math.min(nanos, maxBackoff.toNanos()));
    }

    private static void atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: >= " + min + ")");
        }
    }

    private static void notNegative(Duration d, String name) {
        requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + ": " + d + " (expected: >= 0)");
        }
    }
}
