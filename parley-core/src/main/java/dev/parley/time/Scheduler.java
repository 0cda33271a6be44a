package dev.parley.time;

import java.time.Duration;

/**
 * The source of time for deadlines, windows and timers. Production uses {@link #system()}; tests inject a
 * manual scheduler (parley-testkit's {@code ManualScheduler}) and move time by hand.
 */
public interface Scheduler {

    /** A monotonic reading in nanoseconds; only differences between readings mean anything. */
    long nanoTime();

    /** Runs {@code task} once after {@code delay}; the task must be short and must not block. */
    Cancellable schedule(Runnable task, Duration delay);

    /** The real clock, with one shared daemon timer thread. */
    static Scheduler system() {
        return SystemScheduler.INSTANCE;
    }

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        /** Calls the task off; harmless once it has run. */
        void cancel();
    }
}
