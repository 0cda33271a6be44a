package dev.parley.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.Contract;
import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.testkit.FaultProxy;
import dev.parley.testkit.FreePorts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The policies end to end over tcp://, with real failures from the fault proxy. */
class OverTcpTest {

    record Ask(String text) {
    }

    @Contract(name = "remote")
    public interface Remote {
        CompletableFuture<String> work(Ask a);
    }

    private final int port = FreePorts.next();
    private final Parley server = Parley.builder().build();
    private final Parley client = Parley.builder().build();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        client.close();
        server.close();
    }

    @Test
    void bulkheadOfAHundredAdmitsNoMoreUnderTenThousandConcurrentCalls() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch hundredIn = new CountDownLatch(100);
        java.util.concurrent.ExecutorService handlers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        closing.add(handlers::shutdownNow);
        server.serve(Remote.class, a -> CompletableFuture.supplyAsync(() -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            hundredIn.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return "ok";
        }, handlers), "tcp://127.0.0.1:" + port);
        Remote remote = client.client(Remote.class).at("tcp://127.0.0.1:" + port)
                .filter(Bulkhead.of("remote", 100)).build();
        List<CompletableFuture<String>> calls = new ArrayList<>();
        int refusedAtOnce = 0;
        for (int i = 0; i < 10_000; i++) {
            CompletableFuture<String> call = remote.work(new Ask("n" + i));
            if (call.isCompletedExceptionally()) {
                refusedAtOnce++;
            }
            calls.add(call);
        }
        assertThat(hundredIn.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(refusedAtOnce).isEqualTo(9_900);
        release.countDown();
        int ok = 0;
        for (CompletableFuture<String> call : calls) {
            try {
                call.get(30, TimeUnit.SECONDS);
                ok++;
            } catch (ExecutionException e) {
                assertThat(((ParleyException) e.getCause()).status()).isEqualTo(Status.RESOURCE_EXHAUSTED);
            }
        }
        assertThat(ok).isEqualTo(100);
        assertThat(most.get()).isEqualTo(100);
    }

    @Test
    void slowDownstreamKeepsTheCallersTailWithinItsTimeoutPlusFiftyMillis() throws Exception {
        server.serve(Remote.class, a -> CompletableFuture.completedFuture("ok"), "tcp://127.0.0.1:" + port);
        FaultProxy proxy = FaultProxy.to(port, 5);
        closing.add(proxy);
        Remote remote = client.client(Remote.class).at("tcp://" + proxy.hostAndPort())
                .timeout(Duration.ofMillis(200)).build();
        Remote patient = client.client(Remote.class, "tcp://" + proxy.hostAndPort()); // same connection
        for (int i = 0; i < 50; i++) {
            assertThat(patient.work(new Ask("warm")).get(10, TimeUnit.SECONDS)).isEqualTo("ok");
        }
        proxy.latency(Duration.ofSeconds(2), Duration.ofMillis(100));
        List<CompletableFuture<Long>> took = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long start = System.nanoTime();
            took.add(remote.work(new Ask("slow " + i)).handle((v, e) -> {
                assertThat(e).isInstanceOf(ParleyException.class);
                return (System.nanoTime() - start) / 1_000_000;
            }));
        }
        List<Long> millis = new ArrayList<>();
        for (CompletableFuture<Long> t : took) {
            millis.add(t.get(10, TimeUnit.SECONDS));
        }
        millis.sort(null);
        assertThat(millis.get(98)).as("p99 of 100 calls, ms").isLessThanOrEqualTo(250);
    }

    @Test
    void failingDownstreamOpensTheBreakerAndAProbeClosesItOnceTheDownstreamIsBack() throws Exception {
        server.serve(Remote.class, a -> CompletableFuture.completedFuture("ok " + a.text()), "tcp://127.0.0.1:" + port);
        FaultProxy proxy = FaultProxy.to(port, 11);
        closing.add(proxy);
        List<ResilienceEvent> events = new CopyOnWriteArrayList<>();
        Remote remote = client.client(Remote.class).at("tcp://" + proxy.hostAndPort())
                .timeout(Duration.ofMillis(500))
                .policy(CircuitBreaker.builder().window(5).minimumCalls(5).failureRate(60)
                        .waitInOpen(Duration.ofMillis(300)).probes(1).listener(events::add).build())
                .build();
        assertThat(remote.work(new Ask("before")).get(10, TimeUnit.SECONDS)).isEqualTo("ok before");

        proxy.blackhole(true);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try {
                remote.work(new Ask("down")).get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                return e.getCause() instanceof RejectedException;
            }
            return false;
        });
        assertThat(events).contains(new ResilienceEvent.BreakerStateChanged(
                "remote.work@tcp://" + proxy.hostAndPort(), "CLOSED", "OPEN"));

        proxy.heal().resetConnections();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> remote.work(new Ask("back")).get(10, TimeUnit.SECONDS).equals("ok back"));
        assertThat(events).filteredOn(e -> e instanceof ResilienceEvent.BreakerStateChanged)
                .extracting(e -> ((ResilienceEvent.BreakerStateChanged) e).to())
                .contains("HALF_OPEN").last().isEqualTo("CLOSED");
    }
}
