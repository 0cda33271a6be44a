package dev.parley.micrometer;

import static java.util.Objects.requireNonNull;

import dev.parley.Status;
import dev.parley.message.HeaderNames;
import dev.parley.message.Message;
import dev.parley.resilience.Outcome;
import dev.parley.resilience.ResilienceEvent;
import dev.parley.resilience.ResilienceListener;
import dev.parley.service.Filter;
import dev.parley.service.Filters;
import dev.parley.service.Policy;
import dev.parley.service.Service;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Parley's calls and policy events as Micrometer meters, all tagged by {@code contract} and {@code operation}
 * (or by the policy's {@code name}, which is {@code contract.operation}):
 *
 * <ul>
 *   <li>{@code parley.client.calls} (timer, tag {@code status}): each call as its caller saw it, from
 *       {@link #clientCalls()}, a client policy; add it first so it sees what the other policies made of
 *       the call (a fallback's answer counts as the fallback's status, OK).
 *   <li>{@code parley.server.calls} (timer, tag {@code status}): each call a server handled, from
 *       {@link #serverCalls()}, a server filter. Calls refused as UNIMPLEMENTED (an operation or version
 *       the server does not have) are counted under {@code operation=unknown}: names from the wire never
 *       become tags of their own.
 *   <li>{@code parley.resilience.events} (counter, tags {@code name}, {@code event} and, where the event
 *       has them, {@code policy} and {@code status}): retries, refusals, hedges, fallbacks and breaker
 *       transitions, from {@link #resilience()}, a listener to give the policies.
 *   <li>{@code parley.resilience.breaker.state} (gauge, tags {@code name}, {@code state}): 1 for the state
 *       a breaker is in, 0 for the others it has been in.
 * </ul>
 *
 * <p>Recording a call allocates nothing once its meters exist: each operation keeps one timer per status.
 */
public final class ParleyMetrics {

    private static final Status[] STATUSES = Status.values();
    private static final String CLIENT = "parley.client.calls";
    private static final String SERVER = "parley.server.calls";

    private final MeterRegistry registry;
    private final Map<String, Map<String, Timer[]>> server = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<String>> breakerStates = new ConcurrentHashMap<>();

    private ParleyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public static ParleyMetrics of(MeterRegistry registry) {
        return new ParleyMetrics(requireNonNull(registry, "registry"));
    }

    /** A client policy timing each call of each operation; add it before the other policies. */
    public Policy clientCalls() {
        return new Policy() {
            @Override
            public Filter create(Target target) {
                return new Timing(CLIENT, target.contract().name(), target.operation().name());
            }

            @Override
            public String name() {
                return "metrics";
            }
        };
    }

    /** A server filter timing each call a server handles; give it to {@code Parley.builder().serverFilter}. */
    public Filter serverCalls() {
        return new Timing(SERVER, null, null);
    }

    /** A listener counting the policies' events; give it to each policy's builder. */
    public ResilienceListener resilience() {
        return this::count;
    }

    private void count(ResilienceEvent event) {
        switch (event) {
            case ResilienceEvent.BreakerStateChanged e -> {
                registry.counter("parley.resilience.events", "name", e.name(), "event", "breaker-state-changed",
                        "policy", "circuit-breaker", "status", e.to()).increment();
                breakerState(e.name(), e.from());
                breakerState(e.name(), e.to()).set(e.to());
            }
            case ResilienceEvent.CallRejected e -> counter(e.name(), "call-rejected", e.policy(), e.status()).increment();
            case ResilienceEvent.RetryScheduled e -> counter(e.name(), "retry-scheduled", "retry", e.failure()).increment();
            case ResilienceEvent.RetryNotAllowed e -> counter(e.name(), "retry-not-allowed", "retry", e.failure())
                    .increment();
            case ResilienceEvent.HedgeSent e -> counter(e.name(), "hedge-sent", "hedge", null).increment();
            case ResilienceEvent.FallbackUsed e -> counter(e.name(), "fallback-used", "fallback " + e.kind(), e.failure())
                    .increment();
        }
    }

    private Counter counter(String name, String event, String policy, @Nullable Status status) {
        return registry.counter("parley.resilience.events", "name", name, "event", event, "policy", policy,
                "status", status == null ? "none" : status.name());
    }

    /** The breaker's current state, registering a 0/1 gauge for {@code state} the first time it is seen. */
    private AtomicReference<String> breakerState(String name, String state) {
        AtomicReference<String> current = breakerStates.computeIfAbsent(name, n -> new AtomicReference<>("CLOSED"));
        Gauge.builder("parley.resilience.breaker.state", current, c -> state.equals(c.get()) ? 1 : 0)
                .tags("name", name, "state", state)
                .register(registry);
        return current;
    }

    /** One operation's timers, one per status; OK's made now, the others when first needed. */
    private Timer[] timers(String meter, String contract, String operation) {
        Timer[] byStatus = new Timer[STATUSES.length];
        byStatus[Status.OK.ordinal()] = timer(meter, contract, operation, Status.OK);
        return byStatus;
    }

    private Timer timer(String meter, String contract, String operation, Status status) {
        return Timer.builder(meter).tags("contract", contract, "operation", operation, "status", status.name())
                .register(registry);
    }

    private Timer[] serverTimers(String contract, String operation) {
        return server.computeIfAbsent(contract, c -> new ConcurrentHashMap<>())
                .computeIfAbsent(operation, o -> timers(SERVER, contract, o));
    }

    /**
     * Times calls: one operation of a client's ({@code contract} and {@code operation} fixed), or whatever a
     * server is asked (read from the request's headers).
     */
    private final class Timing implements Filter {
        private final String meter;
        private final @Nullable String contract;
        private final @Nullable String operation;
        private final Timer @Nullable [] fixed;

        Timing(String meter, @Nullable String contract, @Nullable String operation) {
            this.meter = meter;
            this.contract = contract;
            this.operation = operation;
            this.fixed = contract == null || operation == null ? null : timers(meter, contract, operation);
        }

        @Override
        public CompletionStage<Message> filter(Message request, Service next) {
            long start = System.nanoTime();
            CompletableFuture<Message> reply;
            try {
                reply = next.call(request).toCompletableFuture();
            } catch (RuntimeException e) {
                record(request, start, null, e);
                throw e;
            }
            if (reply.isDone() && !reply.isCompletedExceptionally()) {
                record(request, start, reply.resultNow(), null);
                return reply;
            }
            return Filters.whenComplete(reply, (m, e) -> record(request, start, m, e));
        }

        private void record(Message request, long start, @Nullable Message reply, @Nullable Throwable failure) {
            long nanos = System.nanoTime() - start;
            Status status = Outcome.of(reply, failure).status();
            String c = contract;
            String o = operation;
            Timer[] timers = fixed;
            if (timers == null || c == null || o == null) {
                if (status == Status.UNIMPLEMENTED) {
                    c = "unknown"; // what the server does not have: no name from the wire becomes a tag
                    o = "unknown";
                } else {
                    c = String.valueOf(request.header(HeaderNames.CONTRACT));
                    o = String.valueOf(request.header(HeaderNames.OPERATION));
                }
                timers = serverTimers(c, o);
            }
            Timer t = timers[status.ordinal()];
            if (t == null) {
                t = timer(meter, c, o, status);
                timers[status.ordinal()] = t; // a race makes the same timer twice: the registry keeps one
            }
            t.record(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public String name() {
            return "metrics";
        }
    }
}
