package dev.parley.internal.runtime;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Message ids unique per process run: a random prefix per runtime and a counter (cheap, no SecureRandom). */
final class MessageIds {

    private final String prefix;
    private final AtomicLong next = new AtomicLong();

    MessageIds() {
        prefix = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE) + "-";
    }

    String next() {
        return prefix + Long.toHexString(next.incrementAndGet());
    }
}
