package dev.parley.time;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The real clock: {@link System#nanoTime()} and one daemon timer thread for the whole JVM.
 *
 * <p>Every call arms a deadline, and nearly every deadline is called off within microseconds, when the reply
 * comes. A task due further out than {@link #PARK_NANOS} therefore does not enter the timer's queue at once:
 * it is pushed on a lock-free list (one object, one compare-and-set), and calling it off only marks it. The
 * timer thread looks at that list {@link #TICK_MILLIS} ms after a task is pushed on it empty: tasks called
 * off by then are dropped, the rest move to the queue, at their exact time, long before they are due. A task
 * due sooner goes to the queue directly. So a deadline fires as precisely as before, an answered call costs
 * no lock and no queue operation, and an idle JVM's timer thread sleeps.
 */
final class SystemScheduler implements Scheduler {

    static final SystemScheduler INSTANCE = new SystemScheduler();

    /** How long a parked task waits, at most, before the timer thread moves it to its queue. */
    static final long TICK_MILLIS = 10;
    /** Tasks due later than this are parked first; they reach the queue at least one tick before they are due. */
    static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(3 * TICK_MILLIS);

    private static final VarHandle PARKED;

    static {
        try {
            PARKED = MethodHandles.lookup().findVarHandle(SystemScheduler.class, "parked", Parked.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ScheduledThreadPoolExecutor timer;
    /** The newest parked task; each links to the one parked before it. */
    @SuppressWarnings("unused") // through PARKED
    private volatile @Nullable Parked parked;
    private final Runnable promote = this::promote;

    private SystemScheduler() {
        timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("parley-timer").factory());
        // A task called off after it reached the queue leaves it at once, rather than when it would have run.
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        long nanos = Math.max(0, delay.toNanos());
        if (nanos <= PARK_NANOS) {
            ScheduledFuture<?> f = timer.schedule(task, nanos, TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        }
        Parked p = new Parked(task, System.nanoTime() + nanos);
        Parked head;
        do {
            head = parked;
            p.next = head;
        } while (!PARKED.compareAndSet(this, head, p));
        if (head == null) {
            // The first on an empty list asks for the move; under load that is once a tick, and the move
            // then also keeps something due in the queue, so that tasks entering it rarely wake its thread.
            timer.schedule(promote, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
        return p;
    }

    /** On the timer thread, a tick after a task was parked on an empty list: the tasks still wanted move on. */
    private void promote() {
        Parked p = (Parked) PARKED.getAndSet(this, null);
        long now = System.nanoTime();
        while (p != null) {
            Parked next = p.next;
            p.next = null;
            if (!p.cancelled) {
                ScheduledFuture<?> f = timer.schedule(p, Math.max(0, p.due - now), TimeUnit.NANOSECONDS);
                p.future = f;
                if (p.cancelled) {
                    f.cancel(false); // called off while it moved
                }
            }
            p = next;
        }
    }

    @Override
    public String toString() {
        return "Scheduler.system()";
    }

    /** A task waiting to enter the queue; the handle its caller cancels. */
    private static final class Parked implements Cancellable, Runnable {
        final Runnable task;
        final long due;
        @Nullable Parked next;
        volatile boolean cancelled;
        volatile @Nullable ScheduledFuture<?> future;

        Parked(Runnable task, long due) {
            this.task = task;
            this.due = due;
        }

        @Override
        public void cancel() {
            cancelled = true;
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }

        @Override
        public void run() {
            if (!cancelled) {
                task.run();
            }
        }
    }
}
