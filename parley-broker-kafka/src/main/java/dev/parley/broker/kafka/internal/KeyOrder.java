package dev.parley.broker.kafka.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Per-key order for handlers that run concurrently: a delivery whose key has an earlier delivery still
 * unsettled is held back until that one settles (retries included), then handed out. Deliveries without a
 * key are never held. Used by the consumer's thread only.
 *
 * @param <D> the delivery type
 */
final class KeyOrder<D> {

    /** A key with an entry is busy: its first delivery is out; the queue holds the ones waiting behind it. */
    private final Map<Object, ArrayDeque<D>> busy = new HashMap<>();

    /** Whether {@code delivery} may go now; if not, it is held until {@link #next} hands it out. */
    boolean admit(Object key, D delivery) {
        ArrayDeque<D> waiting = busy.get(key);
        if (waiting == null) {
            busy.put(key, new ArrayDeque<>());
            return true;
        }
        waiting.add(delivery);
        return false;
    }

    /** The delivery out for {@code key} settled: the next one held for it, which is now out, or null. */
    @Nullable D next(Object key) {
        ArrayDeque<D> waiting = busy.get(key);
        if (waiting == null) {
            return null;
        }
        D next = waiting.poll();
        if (next == null) {
            busy.remove(key);
        }
        return next;
    }

    /** Removes and returns the held deliveries {@code which} selects (their records are read again). */
    List<D> drop(Predicate<D> which) {
        List<D> dropped = new ArrayList<>();
        for (ArrayDeque<D> waiting : busy.values()) {
            for (Iterator<D> it = waiting.iterator(); it.hasNext(); ) {
                D d = it.next();
                if (which.test(d)) {
                    dropped.add(d);
                    it.remove();
                }
            }
        }
        return dropped;
    }
}
