package dev.parley.resilience;

import static java.util.Objects.requireNonNull;

import dev.parley.resilience.internal.Composite;
import dev.parley.resilience.internal.TimeoutFilter;
import dev.parley.service.Filter;
import dev.parley.service.Policy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Policies from configuration, keyed by contract and operation: the most specific key wins,
 * {@code CONTRACT.OPERATION.KEY}, then {@code CONTRACT.KEY}, then {@code KEY}. The keys:
 *
 * <pre>
 * trips.get.timeout = 300ms          # narrows the deadline (ms, s, m, or ISO-8601 like PT0.3S)
 * trips.get.retry.max-attempts = 3   # a Retry (idempotent operations, or calls never sent)
 * trips.breaker = on                 # a CircuitBreaker with its defaults ...
 * trips.breaker.failure-rate = 50    # ... or with these: failure-rate, window, minimum-calls, wait, probes
 * bulkhead = 64                      # a Bulkhead per operation
 * </pre>
 *
 * Each operation gets the filters it is configured for, in the documented order:
 * timeout, retry, circuit breaker, bulkhead. A value that cannot be read fails when the client is built,
 * naming the key.
 */
public final class ConfiguredPolicy implements Policy {

    private final Map<String, String> settings;
    private final ResilienceListener listener;

    private ConfiguredPolicy(Map<String, String> settings, ResilienceListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    public static ConfiguredPolicy from(Map<String, String> settings) {
        return from(settings, ResilienceListener.NONE);
    }

    public static ConfiguredPolicy from(Map<String, String> settings, ResilienceListener listener) {
        return new ConfiguredPolicy(new TreeMap<>(requireNonNull(settings, "settings")),
                requireNonNull(listener, "listener"));
    }

    /** From properties, e.g. loaded from a file. */
    public static ConfiguredPolicy from(Properties properties) {
        Map<String, String> m = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            m.put(name, properties.getProperty(name));
        }
        return from(m);
    }

    @Override
    public @Nullable Filter create(Target target) {
        Lookup at = new Lookup(target.contract().name() + "." + target.operation().name(), target.contract().name());
        List<Filter> filters = new ArrayList<>();
        String timeout = at.get("timeout");
        if (timeout != null) {
            filters.add(new TimeoutFilter(duration(at.key("timeout"), timeout), target.scheduler()));
        }
        String attempts = at.get("retry.max-attempts");
        if (attempts != null) {
            filters.add(Retry.builder().maxAttempts(integer(at.key("retry.max-attempts"), attempts))
                    .listener(listener).build().create(target));
        }
        if (at.hasAny("breaker")) {
            filters.add(breaker(at).create(target));
        }
        String bulkhead = at.get("bulkhead");
        if (bulkhead != null) {
            filters.add(Bulkhead.perOperation(integer(at.key("bulkhead"), bulkhead), listener).create(target));
        }
        if (filters.isEmpty()) {
            return null;
        }
        return filters.size() == 1 ? filters.getFirst() : new Composite(filters);
    }

    private CircuitBreaker breaker(Lookup at) {
        CircuitBreaker.Builder b = CircuitBreaker.builder().listener(listener);
        String v;
        if ((v = at.get("breaker.failure-rate")) != null) {
            b.failureRate(integer(at.key("breaker.failure-rate"), v));
        }
        if ((v = at.get("breaker.window")) != null) {
            b.window(integer(at.key("breaker.window"), v));
        }
        if ((v = at.get("breaker.minimum-calls")) != null) {
            b.minimumCalls(integer(at.key("breaker.minimum-calls"), v));
        }
        if ((v = at.get("breaker.wait")) != null) {
            b.waitInOpen(duration(at.key("breaker.wait"), v));
        }
        if ((v = at.get("breaker.probes")) != null) {
            b.probes(integer(at.key("breaker.probes"), v));
        }
        return b.build();
    }

    /** The keys of one operation, most specific first. */
    private final class Lookup {
        private final String[] prefixes;

        Lookup(String operation, String contract) {
            prefixes = new String[] {operation + ".", contract + ".", ""};
        }

        @Nullable String get(String key) {
            for (String p : prefixes) {
                String v = settings.get(p + key);
                if (v != null) {
                    return v.trim();
                }
            }
            return null;
        }

        /** The key a value was found under, for error messages. */
        String key(String key) {
            for (String p : prefixes) {
                if (settings.containsKey(p + key)) {
                    return p + key;
                }
            }
            return key;
        }

        /** Whether {@code key} is switched on, or any {@code key.*} is set, at the most specific level. */
        boolean hasAny(String key) {
            for (String p : prefixes) {
                String exact = settings.get(p + key);
                if (exact != null) {
                    return !exact.trim().equalsIgnoreCase("off");
                }
                if (settings.keySet().stream().anyMatch(k -> k.startsWith(p + key + "."))) {
                    return true;
                }
            }
            return false;
        }
    }

    static Duration duration(String key, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(value);
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
            }
            if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()));
            }
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).trim()));
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + ": '" + value + "' is not a duration (e.g. 300ms, 2s, 1m, PT0.3S)");
    }

    static int integer(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a whole number");
        }
    }

    @Override
    public String name() {
        return "configured";
    }
}
