package dev.parley.testkit;

import static java.util.Objects.requireNonNull;

import dev.parley.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A scheduler whose clock moves only when a test says so: {@link #advance(Duration)} runs, in time order,
 * every task that falls due. Thread-safe; tasks run on the thread that advances.
 */
public final class ManualScheduler implements Scheduler {

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long now;
    private long sequence;

    private static final class Task implements Comparable<Task> {
        final long due;
        final long seq;
        final Runnable body;
        volatile boolean cancelled;

        Task(long due, long seq, Runnable body) {
            this.due = due;
            this.seq = seq;
            this.body = body;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        Task t = new Task(now + Math.max(0, delay.toNanos()), sequence++, requireNonNull(task, "task"));
        tasks.add(t);
        return () -> t.cancelled = true;
    }

    /** Moves the clock forward by {@code by}, running each task as its time comes. */
    public void advance(Duration by) {
        long target;
        synchronized (this) {
            target = now + by.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due > target) {
                    now = target;
                    return;
                }
                tasks.poll();
                now = next.due;
            }
            if (!next.cancelled) {
                next.body.run();
            }
        }
    }

    /** Tasks waiting to run and not cancelled. */
    public synchronized int pending() {
        List<Task> live = new ArrayList<>();
        for (Task t : tasks) {
            if (!t.cancelled) {
                live.add(t);
            }
        }
        return live.size();
    }
}
