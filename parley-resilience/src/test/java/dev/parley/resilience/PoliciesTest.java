package dev.parley.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.Contract;
import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.testkit.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bulkheads and circuit breakers on a manual clock over local:, each scenario sync and async. */
class PoliciesTest {

    enum Mode { SYNC, ASYNC }

    record Ask(String text) {
    }

    @Contract(name = "guarded")
    public interface Guarded {
        String work(Ask a);

        String other(Ask a);
    }

    @Contract(name = "guarded")
    public interface AsyncGuarded {
        CompletableFuture<String> work(Ask a);

        CompletableFuture<String> other(Ask a);
    }

    /** Holds work() until released; answers or fails as the test says; counts what reached it. */
    static final class Downstream implements Guarded {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicReference<Status> failWith = new AtomicReference<>();
        volatile CountDownLatch hold = new CountDownLatch(0);
        final CountDownLatch started = new CountDownLatch(2);

        @Override
        public String work(Ask a) {
            calls.incrementAndGet();
            started.countDown();
            try {
                hold.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Status s = failWith.get();
            if (s != null) {
                throw new ParleyException(s, "downstream says " + s);
            }
            return "done " + a.text();
        }

        @Override
        public String other(Ask a) {
            return "other " + a.text();
        }
    }

    private static int next;
    private final ManualScheduler clock = new ManualScheduler();
    private final Parley server = Parley.builder().scheduler(clock).build();
    private final Parley client = Parley.builder().scheduler(clock).build();
    private final Downstream downstream = new Downstream();
    private final String address = "local:guarded-" + (++next);
    private final List<ResilienceEvent> events = new CopyOnWriteArrayList<>();

    PoliciesTest() {
        server.serve(Guarded.class, downstream, address);
    }

    @AfterEach
    void close() {
        downstream.hold.countDown();
        client.close();
        server.close();
    }

    /** A call made the given way, as a future that fails the way the caller sees it. */
    private CompletableFuture<String> call(Mode mode, dev.parley.service.Policy policy, String op, String text) {
        if (mode == Mode.ASYNC) {
            AsyncGuarded g = client.client(AsyncGuarded.class).at(address).policy(policy).build();
            return op.equals("work") ? g.work(new Ask(text)) : g.other(new Ask(text));
        }
        Guarded g = client.client(Guarded.class).at(address).policy(policy).build();
        return op.equals("work")
                ? CompletableFuture.supplyAsync(() -> g.work(new Ask(text)))
                : CompletableFuture.supplyAsync(() -> g.other(new Ask(text)));
    }

    private static Status statusOf(CompletableFuture<?> call) {
        try {
            call.get(10, TimeUnit.SECONDS);
            return Status.OK;
        } catch (ExecutionException e) {
            return ((ParleyException) e.getCause()).status();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void bulkheadRefusesTheCallOverItsLimitAtOnceAndOnlyForThatOperation(Mode mode) throws Exception {
        downstream.hold = new CountDownLatch(1);
        dev.parley.service.Policy bulkhead = Bulkhead.perOperation(2, events::add);
        AsyncGuarded sharedAsync = client.client(AsyncGuarded.class).at(address).policy(bulkhead).build();
        CompletableFuture<String> first = sharedAsync.work(new Ask("1"));
        CompletableFuture<String> second = sharedAsync.work(new Ask("2"));
        assertThat(downstream.started.await(10, TimeUnit.SECONDS)).isTrue();
        if (mode == Mode.ASYNC) {
            CompletableFuture<String> third = sharedAsync.work(new Ask("3"));
            assertThat(third).isCompletedExceptionally();
            assertThat(statusOf(third)).isEqualTo(Status.RESOURCE_EXHAUSTED);
            assertThat(sharedAsync.other(new Ask("x")).get(10, TimeUnit.SECONDS)).isEqualTo("other x");
        } else {
            Guarded sync = client.client(Guarded.class).at(address).policy(bulkhead).build();
            // A new client gets bulkheads of its own: fill them first, then overflow.
            CompletableFuture.runAsync(() -> sync.work(new Ask("a")));
            CompletableFuture.runAsync(() -> sync.work(new Ask("b")));
            org.awaitility.Awaitility.await().until(() -> downstream.calls.get() == 4);
            assertThatThrownBy(() -> sync.work(new Ask("c")))
                    .isInstanceOfSatisfying(RejectedException.class,
                            e -> assertThat(e.status()).isEqualTo(Status.RESOURCE_EXHAUSTED))
                    .hasMessageContaining("bulkhead of guarded.work is full: 2 calls in flight");
            assertThat(sync.other(new Ask("y"))).isEqualTo("other y");
        }
        downstream.hold.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("done 1");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("done 2");
        assertThat(events).first().isEqualTo(
                new ResilienceEvent.CallRejected("guarded.work", "bulkhead", Status.RESOURCE_EXHAUSTED));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void breakerOpensOnFailuresFailsFastAndClosesAfterSuccessfulProbes(Mode mode) {
        CircuitBreaker breaker = CircuitBreaker.builder().window(4).minimumCalls(4).failureRate(50)
                .waitInOpen(Duration.ofSeconds(5)).probes(2).listener(events::add).build();
        Guarded sync = client.client(Guarded.class).at(address).policy(breaker).build();
        AsyncGuarded async = client.client(AsyncGuarded.class).at(address).policy(breaker).build();
        java.util.function.Function<String, CompletableFuture<String>> call = mode == Mode.ASYNC
                ? text -> async.work(new Ask(text))
                : text -> CompletableFuture.supplyAsync(() -> sync.work(new Ask(text)));

        downstream.failWith.set(Status.UNAVAILABLE);
        for (int i = 0; i < 4; i++) {
            assertThat(statusOf(call.apply("f" + i))).isEqualTo(Status.UNAVAILABLE);
        }
        int reached = downstream.calls.get();
        CompletableFuture<String> refused = call.apply("while open");
        assertThat(statusOf(refused)).isEqualTo(Status.UNAVAILABLE);
        assertThatThrownBy(refused::join).cause().isInstanceOf(RejectedException.class)
                .hasMessageContaining("is open");
        assertThat(downstream.calls.get()).as("an open breaker sends nothing").isEqualTo(reached);

        clock.advance(Duration.ofSeconds(5).plusMillis(1));
        downstream.failWith.set(null);
        assertThat(statusOf(call.apply("probe 1"))).isEqualTo(Status.OK);
        assertThat(statusOf(call.apply("probe 2"))).isEqualTo(Status.OK);
        assertThat(statusOf(call.apply("closed again"))).isEqualTo(Status.OK);
        assertThat(events).filteredOn(e -> e instanceof ResilienceEvent.BreakerStateChanged)
                .extracting(e -> ((ResilienceEvent.BreakerStateChanged) e).to())
                .containsExactly("OPEN", "HALF_OPEN", "CLOSED");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void serverLimitsItsOwnConcurrency(Mode mode) throws Exception {
        String limited = address + "-limited";
        Downstream busy = new Downstream();
        busy.hold = new CountDownLatch(1);
        try (Parley guardedServer = Parley.builder().scheduler(clock)
                .serverFilter(Bulkhead.of("server", 1)).build()) {
            guardedServer.serve(Guarded.class, busy, limited);
            AsyncGuarded async = client.client(AsyncGuarded.class, limited);
            CompletableFuture<String> first = async.work(new Ask("first"));
            org.awaitility.Awaitility.await().until(() -> busy.calls.get() == 1);
            CompletableFuture<String> second = mode == Mode.ASYNC ? async.other(new Ask("second"))
                    : CompletableFuture.supplyAsync(() -> client.client(Guarded.class, limited).other(new Ask("second")));
            assertThat(statusOf(second)).isEqualTo(Status.RESOURCE_EXHAUSTED);
            busy.hold.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("done first");
        }
    }

    @org.junit.jupiter.api.Test
    void theClientPrintsEachOperationsChainInOrder() {
        Guarded g = client.client(Guarded.class).at(address)
                .policy(Fallback.lastGood(Duration.ofMinutes(1), 10))
                .policy(Retry.ofDefaults())
                .policy(CircuitBreaker.ofDefaults())
                .policy(Bulkhead.perOperation(8))
                .build();
        assertThat(g.toString()).contains("work: fallback(last-good) -> retry -> circuit-breaker -> bulkhead"
                + " -> deadline -> " + address);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void callerMistakesDoNotOpenTheBreaker(Mode mode) {
        CircuitBreaker breaker = CircuitBreaker.builder().window(4).minimumCalls(4).listener(events::add).build();
        downstream.failWith.set(Status.INVALID_ARGUMENT);
        for (int i = 0; i < 8; i++) {
            assertThat(statusOf(call(mode, breaker, "work", "bad " + i))).isEqualTo(Status.INVALID_ARGUMENT);
        }
        assertThat(downstream.calls.get()).isEqualTo(8);
        assertThat(events).isEmpty();
    }
}
