package dev.parley.broker.artemis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.ClientCall;
import dev.parley.Contract;
import dev.parley.Idempotent;
import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.messaging.MessagingOptions;
import dev.parley.resilience.Bulkhead;
import dev.parley.resilience.CircuitBreaker;
import dev.parley.resilience.Fallback;
import dev.parley.resilience.Retry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client policies of parley-resilience on request/reply over a broker ({@code embedded:}), as over
 * {@code tcp://}: they are filters above the transport, so a queue and a reply channel change nothing.
 */
class BrokeredPoliciesTest {

    public record Route(String from, String to) {
    }

    public record Fare(String route, int cents) {
    }

    @Contract(name = "fares")
    public interface Fares {
        @Idempotent
        Fare quote(Route r);
    }

    @Contract(name = "fares")
    public interface AsyncFares {
        CompletableFuture<Fare> quote(Route r);
    }

    private final String address = "embedded:fares-" + UUID.randomUUID().toString().substring(0, 8);
    private final Parley server = runtime();
    private final Parley client = runtime();
    /** Calls that reached the handler. */
    private final AtomicInteger handled = new AtomicInteger();

    private static Parley runtime() {
        return Parley.builder()
                .transport(new ArtemisTransportProvider(ArtemisTestBroker.OPTIONS, MessagingOptions.DEFAULT))
                .build();
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    /** Serves quotes that fail with {@code failure} for the first {@code failures} calls. */
    private void serve(int failures, Status failure) {
        server.serve(Fares.class, r -> {
            if (handled.incrementAndGet() <= failures) {
                throw new ParleyException(failure, "fares say " + failure);
            }
            return new Fare(r.from() + "-" + r.to(), 1200);
        }, address);
    }

    @Test
    void anIdempotentRequestThatFailedIsRetriedThroughTheQueue() {
        serve(2, Status.UNAVAILABLE);
        Fares fares = client.client(Fares.class).at(address)
                .policy(Retry.builder().maxAttempts(3).backoff(Duration.ofMillis(10), Duration.ofMillis(20)).build())
                .build();
        assertThat(fares.quote(new Route("A", "B"))).isEqualTo(new Fare("A-B", 1200));
        assertThat(handled).hasValue(3);
    }

    @Test
    void anOpenBreakerStopsSendingAndTheFallbackAnswers() throws Exception {
        serve(Integer.MAX_VALUE, Status.UNAVAILABLE);
        AsyncFares fares = client.client(AsyncFares.class).at(address)
                .policy(Fallback.value("quote", new Fare("cached", 999)))
                .policy(CircuitBreaker.builder().window(4).minimumCalls(4).waitInOpen(Duration.ofMinutes(5)).build())
                .build();
        for (int i = 0; i < 10; i++) {
            CompletableFuture<Fare> f = fares.quote(new Route("A", "B"));
            assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(new Fare("cached", 999));
            assertThat(ClientCall.of(f).fromFallback()).isTrue();
        }
        assertThat(handled).as("calls that reached the server: the breaker opened after 4").hasValue(4);
    }

    @Test
    void aSlowHandlerGivesTheCallerDeadlineExceededWithinItsTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        server.serve(Fares.class, r -> {
            handled.incrementAndGet();
            try {
                never.await(); // stopped by the server at the request's deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Fare("late", 0);
        }, address);
        Fares fares = client.client(Fares.class).at(address).timeout(Duration.ofMillis(500)).build();
        long start = System.nanoTime();
        assertThatThrownBy(() -> fares.quote(new Route("A", "B")))
                .isInstanceOfSatisfying(ParleyException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.DEADLINE_EXCEEDED));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        never.countDown();
    }

    @Test
    void aFullBulkheadRefusesAtOnceWithoutSending() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch twoArrived = new CountDownLatch(2);
        server.serve(Fares.class, r -> {
            handled.incrementAndGet();
            twoArrived.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Fare(r.from() + "-" + r.to(), 1);
        }, address);
        AsyncFares fares = client.client(AsyncFares.class).at(address).policy(Bulkhead.perOperation(2)).build();
        List<CompletableFuture<Fare>> held = List.of(fares.quote(new Route("A", "B")), fares.quote(new Route("C", "D")));
        assertThat(twoArrived.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Fare> third = fares.quote(new Route("E", "F"));
        assertThat(third).isCompletedExceptionally();
        assertThatThrownBy(third::get).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(ParleyException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.RESOURCE_EXHAUSTED));
        release.countDown();
        for (CompletableFuture<Fare> f : held) {
            assertThat(f.get(30, TimeUnit.SECONDS).cents()).isEqualTo(1);
        }
        assertThat(handled).hasValue(2);
    }
}
