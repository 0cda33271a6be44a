package dev.parley.broker.kafka.internal;

import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One partition's deliveries between the poll and the commit. Kafka acknowledges by position, Parley settles
 * deliveries in any order: the offset committed is that of the first delivery not yet acknowledged (or the
 * one after the last delivered, when all are), so nothing unacknowledged is ever skipped. Used by the
 * consumer's thread only.
 */
final class OffsetTracker {

    /** Offset → the sequence number of its delivery, so that a late settle of an older delivery is ignored. */
    private final TreeMap<Long, Long> pending = new TreeMap<>();
    private long next = -1;
    private long committed = -1;

    void delivered(long offset, long sequence) {
        pending.put(offset, sequence);
        next = offset + 1;
    }

    /** Settles a delivery; false when it is no longer pending here (rewound, or seen before). */
    boolean acknowledge(long offset, long sequence) {
        return pending.remove(offset, sequence);
    }

    /**
     * Gives back a delivery: it and every later one are dropped, to be read again from {@code offset}; false when
     * the delivery is no longer pending here.
     */
    boolean release(long offset, long sequence) {
        if (!Long.valueOf(sequence).equals(pending.get(offset))) {
            return false;
        }
        pending.tailMap(offset, true).clear();
        next = offset;
        return true;
    }

    /** The offset to commit when it moved since the last commit. */
    OptionalLong commitPoint() {
        if (next < 0) {
            return OptionalLong.empty();
        }
        long point = pending.isEmpty() ? next : pending.firstKey();
        return point > committed ? OptionalLong.of(point) : OptionalLong.empty();
    }

    void committed(long offset) {
        committed = Math.max(committed, offset);
    }

    boolean idle() {
        return pending.isEmpty();
    }
}
