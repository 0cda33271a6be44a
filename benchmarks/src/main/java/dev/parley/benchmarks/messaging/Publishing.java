package dev.parley.benchmarks.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One opened peer with its subscriber groups, and the ways the scenarios publish through it: a burst of
 * {@value #MESSAGES} messages from {@value #PUBLISHERS} publishers, or one message with nothing else in flight.
 * Counts what it published so that it can wait until all of it has arrived at every group.
 */
final class Publishing implements AutoCloseable {

    static final int MESSAGES = 1_000;
    static final int PUBLISHERS = 16;
    private static final long ARRIVAL_TIMEOUT_SECONDS = 60;

    private final MessagingPeer peer;
    private final int groups;
    private final Arrivals arrivals = new Arrivals();
    private long expected;

    private Publishing(MessagingPeer peer, int groups) {
        this.peer = peer;
        this.groups = groups;
    }

    /** Opens {@code peer} on a fresh topic with {@code groups} subscriber groups. */
    static Publishing open(MessagingPeer peer, int groups) throws Exception {
        Publishing p = new Publishing(peer, groups);
        try {
            peer.open("bench-" + UUID.randomUUID().toString().substring(0, 8), groups, p.arrivals::arrive);
        } catch (Exception | Error e) {
            peer.close();
            throw e;
        }
        return p;
    }

    /**
     * How long a {@link #burst} took, in nanoseconds: in all, and from its last confirm until its last arrival
     * (how long the subscribers trailed the publishers); and the CPU time it cost ({@link CpuClock}).
     */
    record Burst(long nanos, long drainNanos, CpuClock.Reading cpu) {
    }

    /**
     * {@value #MESSAGES} messages from {@value #PUBLISHERS} virtual threads, each waiting for its broker
     * confirm before the next; returns when every group has received all of them.
     */
    Burst burst(ExecutorService workers) throws Exception {
        CpuClock.Reading cpu = CpuClock.now();
        long start = System.nanoTime();
        AtomicInteger left = new AtomicInteger(MESSAGES);
        List<Future<?>> all = new ArrayList<>(PUBLISHERS);
        for (int i = 0; i < PUBLISHERS; i++) {
            all.add(workers.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    peer.publish();
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        long confirmed = System.nanoTime();
        expected += (long) MESSAGES * groups;
        awaitArrivals();
        long end = System.nanoTime();
        return new Burst(end - start, end - confirmed, CpuClock.now().since(cpu));
    }

    /** Publishes one message and returns once the broker has confirmed it; does not wait for its arrival. */
    void one() throws Exception {
        peer.publish();
        expected += groups;
    }

    /** Waits until everything published so far has arrived at every group. */
    void awaitArrivals() throws Exception {
        arrivals.awaitCount(expected, ARRIVAL_TIMEOUT_SECONDS);
    }

    @Override
    public void close() {
        peer.close();
    }
}
