package dev.parley.benchmarks.messaging;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** Counts deliveries so that an invocation can wait until everything it published has arrived everywhere. */
final class Arrivals {

    private final AtomicLong arrived = new AtomicLong();
    private final Object lock = new Object();

    void arrive() {
        arrived.incrementAndGet();
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    long count() {
        return arrived.get();
    }

    /** Waits until the count reaches {@code target}. */
    void awaitCount(long target, long timeoutSeconds) throws InterruptedException, TimeoutException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        synchronized (lock) {
            while (arrived.get() < target) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException(arrived.get() + " of " + target + " messages arrived");
                }
                lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }
}
