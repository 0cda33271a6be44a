package dev.parley;

import static java.util.Objects.requireNonNull;

import dev.parley.time.Scheduler;
import java.time.Duration;

/**
 * The point in time by which a call must be done. Every call has one; a server passes what remains of it to
 * the services it calls in turn.
 */
public final class Deadline implements Comparable<Deadline> {

    private final Scheduler scheduler;
    private final long deadlineNanos;

    private Deadline(Scheduler scheduler, long deadlineNanos) {
        this.scheduler = scheduler;
        this.deadlineNanos = deadlineNanos;
    }

    /** A deadline {@code timeout} from now on {@code scheduler}'s clock. */
    public static Deadline after(Duration timeout, Scheduler scheduler) {
        requireNonNull(timeout, "timeout");
        requireNonNull(scheduler, "scheduler");
        return new Deadline(scheduler, saturatedAdd(scheduler.nanoTime(), timeout.toNanos()));
    }

    /** A deadline {@code timeout} from now on the system clock. */
    public static Deadline after(Duration timeout) {
        return after(timeout, Scheduler.system());
    }

    /** What is left; zero or negative once passed. */
    public Duration remaining() {
        return Duration.ofNanos(remainingNanos());
    }

    /** What is left, in nanoseconds; zero or negative once passed. */
    public long remainingNanos() {
        return deadlineNanos - scheduler.nanoTime();
    }

    /** Whether the deadline has passed. */
    public boolean isExpired() {
        return remainingNanos() <= 0;
    }

    /** The earlier of this deadline and {@code other}. */
    public Deadline min(Deadline other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** The scheduler whose clock this deadline reads. */
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public int compareTo(Deadline o) {
        return Long.compare(deadlineNanos - o.deadlineNanos, 0);
    }

    @Override
    public String toString() {
        return "Deadline[remaining=" + remaining() + "]";
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
