package dev.parley.resilience;

import static java.util.Objects.requireNonNull;

import dev.parley.resilience.internal.BulkheadFilter;
import dev.parley.service.Filter;
import dev.parley.service.Policy;

/**
 * A limit on calls in flight. Over the limit a call is refused at once with RESOURCE_EXHAUSTED (a
 * {@link RejectedException}); nothing queues.
 *
 * <pre>{@code
 * parley.client(TripService.class).at(uri)
 *         .filter(Bulkhead.of("trips", 64))         // all of this client's calls together
 *         .policy(Bulkhead.perOperation(16))        // and each operation on its own
 *         .build();
 * Parley.builder().serverFilter(Bulkhead.of("server", 256));   // a server's concurrency limit
 * }</pre>
 */
public final class Bulkhead {

    private Bulkhead() {
    }

    /** One limit shared by every call through the filter: per client, or per server as a server filter. */
    public static Filter of(String name, int maxConcurrentCalls) {
        return of(name, maxConcurrentCalls, ResilienceListener.NONE);
    }

    public static Filter of(String name, int maxConcurrentCalls, ResilienceListener listener) {
        return new BulkheadFilter(requireNonNull(name, "name"), positive(maxConcurrentCalls),
                requireNonNull(listener, "listener"));
    }

    /** A limit of its own for each operation of a client. */
    public static Policy perOperation(int maxConcurrentCalls) {
        return perOperation(maxConcurrentCalls, ResilienceListener.NONE);
    }

    public static Policy perOperation(int maxConcurrentCalls, ResilienceListener listener) {
        int max = positive(maxConcurrentCalls);
        requireNonNull(listener, "listener");
        return target -> new BulkheadFilter(target.name(), max, listener);
    }

    private static int positive(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("maxConcurrentCalls: " + max + " (expected: > 0)");
        }
        return max;
    }
}
