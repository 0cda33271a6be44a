package dev.parley.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.Contract;
import dev.parley.Idempotent;
import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.message.HeaderNames;
import dev.parley.testkit.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Retries on a manual clock: where they are safe, within the deadline and the budget; sync and async. */
class RetryTest {

    enum Mode { SYNC, ASYNC }

    record Ask(String text) {
    }

    @Contract(name = "flaky")
    public interface Flaky {
        @Idempotent
        String read(Ask a);

        String write(Ask a);
    }

    @Contract(name = "flaky")
    public interface AsyncFlaky {
        @Idempotent
        CompletableFuture<String> read(Ask a);

        CompletableFuture<String> write(Ask a);
    }

    /** Fails the first {@code failures} calls with UNAVAILABLE, then answers with the attempt it saw. */
    static final class Downstream implements Flaky {
        final AtomicInteger calls = new AtomicInteger();
        volatile int failures;

        @Override
        public String read(Ask a) {
            return answer();
        }

        @Override
        public String write(Ask a) {
            return answer();
        }

        private String answer() {
            if (calls.incrementAndGet() <= failures) {
                throw new ParleyException(Status.UNAVAILABLE, "flaking");
            }
            String attempt = dev.parley.CallContext.current().headers().get(HeaderNames.ATTEMPT);
            return "attempt " + (attempt == null ? "1" : attempt);
        }
    }

    private static int next;
    private final ManualScheduler clock = new ManualScheduler();
    private final Parley server = Parley.builder().scheduler(clock).build();
    private final Parley client = Parley.builder().scheduler(clock).build();
    private final Downstream downstream = new Downstream();
    private final String address = "local:flaky-" + (++next);
    private final List<ResilienceEvent> events = new CopyOnWriteArrayList<>();
    private final Retry retry = Retry.builder().maxAttempts(3).backoff(Duration.ofMillis(100), Duration.ofSeconds(1))
            .random(new SplittableRandom(1)).listener(events::add).build();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private CompletableFuture<String> call(Mode mode, String op, Duration timeout) {
        if (mode == Mode.ASYNC) {
            AsyncFlaky f = client.client(AsyncFlaky.class).at(address).timeout(timeout).policy(retry).build();
            return op.equals("read") ? f.read(new Ask("x")) : f.write(new Ask("x"));
        }
        Flaky f = client.client(Flaky.class).at(address).timeout(timeout).policy(retry).build();
        return CompletableFuture.supplyAsync(() -> op.equals("read") ? f.read(new Ask("x")) : f.write(new Ask("x")));
    }

    /** Moves the manual clock until the call is done, so the backoff timers fire. */
    private <T> T finish(CompletableFuture<T> call) throws Exception {
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).until(() -> {
            clock.advance(Duration.ofMillis(50));
            return call.isDone();
        });
        return call.get(1, TimeUnit.SECONDS);
    }

    private static Throwable failureOf(CompletableFuture<?> call) {
        try {
            call.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void idempotentOperationIsRetriedUntilItSucceeds(Mode mode) throws Exception {
        server.serve(Flaky.class, downstream, address);
        downstream.failures = 2;
        assertThat(finish(call(mode, "read", Duration.ofSeconds(10)))).isEqualTo("attempt 3");
        assertThat(downstream.calls.get()).isEqualTo(3);
        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(ResilienceEvent.RetryScheduled.class));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void operationThatMayHaveRunIsNotRetried(Mode mode) {
        server.serve(Flaky.class, downstream, address);
        downstream.failures = 1;
        CompletableFuture<String> call = call(mode, "write", Duration.ofSeconds(10));
        assertThat(((ParleyException) failureOf(call)).status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(downstream.calls.get()).isEqualTo(1);
        assertThat(events).singleElement().isInstanceOfSatisfying(ResilienceEvent.RetryNotAllowed.class,
                e -> assertThat(e.reason()).contains("not idempotent"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void callThatNeverReachedAServerIsRetriedEvenIfNotIdempotent(Mode mode) throws Exception {
        CompletableFuture<String> call = call(mode, "write", Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
        server.serve(Flaky.class, downstream, address); // the server comes up while the client backs off
        assertThat(finish(call)).isEqualTo("attempt 2");
        assertThat(events.getFirst()).isInstanceOfSatisfying(ResilienceEvent.RetryScheduled.class,
                e -> assertThat(e.failure()).isEqualTo(Status.UNAVAILABLE));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void noRetryWhenTheDeadlineLeavesNoTimeToWait(Mode mode) {
        server.serve(Flaky.class, downstream, address);
        downstream.failures = 5;
        CompletableFuture<String> call = call(mode, "read", Duration.ofMillis(40));
        assertThat(failureOf(call)).isInstanceOf(ParleyException.class);
        assertThat(downstream.calls.get()).isEqualTo(1);
        assertThat(events).singleElement().isInstanceOfSatisfying(ResilienceEvent.RetryNotAllowed.class,
                e -> assertThat(e.reason()).contains("deadline"));
    }

    @Test
    void againstAServiceThatAlwaysFailsTheBudgetKeepsAttemptsPerCallUnderOnePointOne() throws Exception {
        server.serve(Flaky.class, downstream, address);
        downstream.failures = Integer.MAX_VALUE;
        AsyncFlaky flaky = client.client(AsyncFlaky.class).at(address).policy(retry).build();
        for (int i = 0; i < 100; i++) {
            CompletableFuture<String> call = flaky.read(new Ask("n" + i));
            await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).until(() -> {
                clock.advance(Duration.ofMillis(50));
                return call.isDone();
            });
        }
        assertThat(downstream.calls.get() / 100.0).isLessThanOrEqualTo(1.1);
        assertThat(retry.budget().allowsRetry()).isFalse();
    }
}
