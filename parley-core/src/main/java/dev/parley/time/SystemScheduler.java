package dev.parley.time;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The real clock: {@link System#nanoTime()} and one daemon timer thread for the whole JVM. */
final class SystemScheduler implements Scheduler {

    static final SystemScheduler INSTANCE = new SystemScheduler();

    private final ScheduledThreadPoolExecutor timer;

    /** How often the timer thread wakes on its own; see the constructor. */
    private static final long HEARTBEAT_MILLIS = 50;

    private SystemScheduler() {
        timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("parley-timer").factory());
        // Deadlines are usually cancelled long before they fire; keep the queue from holding them.
        timer.setRemoveOnCancelPolicy(true);
        // Every call arms a deadline. A task that becomes the queue's earliest wakes the timer thread, which
        // on an otherwise empty queue means one thread wake-up per call. A no-op heartbeat keeps something
        // due within 50 ms, so deadlines further out than that join the queue without waking anyone.
        timer.scheduleAtFixedRate(() -> { }, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> f = timer.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public String toString() {
        return "Scheduler.system()";
    }

}
