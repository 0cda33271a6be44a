package dev.parley.internal.local;

import dev.parley.service.Service;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The JVM-wide switchboard of the {@code local:} transport, so that separate runtimes in one process find
 * each other as separate services would over a network.
 */
final class LocalHub {

    static final LocalHub INSTANCE = new LocalHub();

    /** Servers by address; a request goes to one of them, round-robin. */
    private final Map<String, Members> servers = new ConcurrentHashMap<>();
    /** Subscriptions by address and topic, then by group. */
    private final Map<String, Map<String, Members>> topics = new ConcurrentHashMap<>();

    /** Handlers that compete for messages: each message goes to one of them. */
    static final class Members {
        private final List<Service> handlers = new CopyOnWriteArrayList<>();
        private final AtomicInteger next = new AtomicInteger();

        @Nullable Service pick() {
            List<Service> h = handlers;
            int n = h.size();
            if (n == 0) {
                return null;
            }
            try {
                return h.get(Math.floorMod(next.getAndIncrement(), n));
            } catch (IndexOutOfBoundsException raced) {
                return h.isEmpty() ? null : h.getFirst();
            }
        }

        boolean isEmpty() {
            return handlers.isEmpty();
        }
    }

    Runnable serve(String address, Service handler) {
        Members m = servers.computeIfAbsent(address, a -> new Members());
        m.handlers.add(handler);
        return () -> m.handlers.remove(handler);
    }

    @Nullable Service server(String address) {
        Members m = servers.get(address);
        return m == null ? null : m.pick();
    }

    Runnable subscribe(String address, String topic, String group, Service handler) {
        Members m = topics.computeIfAbsent(address + "#" + topic, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(group, g -> new Members());
        m.handlers.add(handler);
        return () -> m.handlers.remove(handler);
    }

    /** One member of every group subscribed to {@code topic} at {@code address}. */
    List<Service> receivers(String address, String topic) {
        Map<String, Members> groups = topics.get(address + "#" + topic);
        if (groups == null) {
            return List.of();
        }
        List<Service> one = new java.util.ArrayList<>(groups.size());
        for (Members m : groups.values()) {
            Service s = m.pick();
            if (s != null) {
                one.add(s);
            }
        }
        return one;
    }
}
