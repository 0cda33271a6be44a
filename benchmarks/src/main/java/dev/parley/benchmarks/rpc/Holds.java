package dev.parley.benchmarks.rpc;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server side's barrier for S8's heap measurement: handlers of held calls park here until
 * {@link #release()}, so the benchmark can count the heap while all of them are in flight.
 */
public final class Holds {

    private final AtomicInteger arrived = new AtomicInteger();
    private final ConcurrentLinkedQueue<Runnable> parked = new ConcurrentLinkedQueue<>();
    private volatile CountDownLatch gate = new CountDownLatch(1);

    /** An asynchronous handler leaves the code that sends its reply here. */
    void park(Runnable reply) {
        parked.add(reply);
        arrived.incrementAndGet();
    }

    /** A blocking handler waits here, on its own thread, until the release. */
    void block() {
        CountDownLatch g = gate;
        arrived.incrementAndGet();
        try {
            g.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("held call interrupted", e);
        }
    }

    /** Waits until {@code calls} handlers have arrived since the last {@link #reset()}. */
    void awaitArrivals(int calls, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (arrived.get() < calls) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("only " + arrived.get() + " of " + calls + " held calls reached the"
                        + " server within " + timeoutMillis + " ms");
            }
            Thread.sleep(1);
        }
    }

    /** Lets every parked and blocked handler answer. */
    void release() {
        gate.countDown();
        for (Runnable r = parked.poll(); r != null; r = parked.poll()) {
            r.run();
        }
    }

    /** Ready for the next burst. */
    void reset() {
        arrived.set(0);
        gate = new CountDownLatch(1);
    }
}
