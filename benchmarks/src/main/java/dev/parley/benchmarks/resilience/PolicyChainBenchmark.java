package dev.parley.benchmarks.resilience;

import dev.parley.Contract;
import dev.parley.Deadline;
import dev.parley.Idempotent;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.codec.Codecs;
import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.OperationDescriptor;
import dev.parley.internal.runtime.DeadlineFilter;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import dev.parley.resilience.Bulkhead;
import dev.parley.resilience.CircuitBreaker;
import dev.parley.resilience.Retry;
import dev.parley.service.Filter;
import dev.parley.service.Filters;
import dev.parley.service.Policy;
import dev.parley.service.Service;
import dev.parley.time.Scheduler;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * S7: one successful call through a client's composed policies (retry, circuit breaker, bulkhead and the
 * timeout that the deadline filter enforces, in Parley's order) to a downstream that has already answered
 * ({@link #composed}: only the policies are measured) or answers once the call has gone out
 * ({@link #composedLater}: each policy has to wait for the reply); against the same four of Resilience4j composed with its own
 * {@code decorateCompletionStage} methods in the same order (retry outermost, time limiter innermost), and
 * against no policies at all ({@code none}, the floor).
 *
 * <p>S11: one call refused by an open circuit breaker, Parley's against Resilience4j's own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PolicyChainBenchmark {

    /** The operation the policies guard: idempotent, so that the retry policy is armed. */
    @Contract(name = "quotes")
    public interface Quotes {
        @Idempotent
        String quote(String city);
    }

    @Param({"parley", "resilience4j", "none"})
    public String peer = "parley";

    private ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private Message request = Message.of(Headers.empty());
    private Supplier<CompletionStage<Message>> composed = () -> CompletableFuture.completedFuture(request);
    private Supplier<CompletionStage<Message>> refused = composed;
    private Supplier<CompletionStage<Message>> later = composed;
    private Message reply = request;
    /** The reply {@link #composedLater} completes after the policies have seen the call go out. */
    private CompletableFuture<Message> pending = new CompletableFuture<>();

    @Setup(Level.Trial)
    public void start() {
        // As Parley's own timer: a cancelled timeout leaves the queue at once (a queue of cancelled hour-long
        // timeouts would fill the heap).
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "bench-timers");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        timers = executor;
        request = Message.of(Headers.of(HeaderNames.CONTRACT, "quotes", HeaderNames.OPERATION, "quote"),
                "\"Oslo\"".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .withDeadline(Deadline.after(Duration.ofHours(1)));
        reply = Message.of(Headers.of(HeaderNames.STATUS, "OK"), "\"sunny\"".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        CompletableFuture<Message> answered = CompletableFuture.completedFuture(reply);
        CompletableFuture<Message> failed = CompletableFuture.failedFuture(
                new ParleyException(Status.UNAVAILABLE, "down"));
        Service downstream = m -> answered;
        Service dead = m -> failed;
        Service slow = m -> pending;
        switch (peer) {
            case "parley" -> {
                Service chain = parley(downstream, true);
                composed = () -> chain.call(request);
                Service breaker = parley(dead, false);
                refused = () -> breaker.call(request);
                Service waiting = parley(slow, true);
                later = () -> waiting.call(request);
            }
            case "resilience4j" -> {
                composed = resilience4j(() -> answered, true);
                refused = resilience4j(() -> failed, false);
                later = resilience4j(() -> pending, true);
            }
            case "none" -> {
                composed = () -> downstream.call(request);
                refused = () -> dead.call(request);
                later = () -> slow.call(request);
            }
            default -> throw new IllegalArgumentException("peer: " + peer
                    + " (expected: parley, resilience4j, none)");
        }
        openBreaker();
    }

    @TearDown(Level.Trial)
    public void stop() {
        timers.shutdownNow();
    }

    /** S7: a call that succeeds, through all four policies. */
    @Benchmark
    public Object composed() {
        return composed.get().toCompletableFuture().getNow(null);
    }

    /**
     * S7, the other case: the reply comes after the call has gone out (as from a network), so every policy
     * waits for it. The downstream's own future is made here too, in every peer.
     */
    @Benchmark
    public Object composedLater() {
        CompletableFuture<Message> p = new CompletableFuture<>();
        pending = p;
        CompletableFuture<Message> result = later.get().toCompletableFuture();
        p.complete(reply);
        return Objects.requireNonNull(result.getNow(null));
    }

    /** S11: a call refused by an open breaker (the failure is returned, not thrown). */
    @Benchmark
    public Object refusedByOpenBreaker() {
        CompletableFuture<Message> f = refused.get().toCompletableFuture();
        return f.isCompletedExceptionally() ? f : Objects.requireNonNull(f.getNow(null));
    }

    /** Opens the breakers of {@link #refusedByOpenBreaker}: enough failed calls to pass the threshold. */
    private void openBreaker() {
        for (int i = 0; i < 50; i++) {
            try {
                refused.get().toCompletableFuture().join();
            } catch (RuntimeException expected) {
                // the downstream is dead, then the breaker refuses
            }
        }
    }

    /** Parley's policies as a client gets them: retry, breaker, bulkhead (or the breaker alone), then the deadline. */
    private static Service parley(Service downstream, boolean all) {
        ContractDescriptor contract = ContractDescriptor.of(Quotes.class);
        OperationDescriptor op = Objects.requireNonNull(contract.operation("quote"));
        Scheduler scheduler = Scheduler.system();
        Policy.Target target = new Policy.Target(contract, op, "tcp://quotes:7000", scheduler,
                Codecs.load(List.of(), PolicyChainBenchmark.class.getClassLoader()), "application/json",
                address -> downstream);
        List<Policy> policies = all
                ? List.of(Retry.ofDefaults(), breaker(), Bulkhead.perOperation(1_000))
                : List.of(breaker());
        List<Filter> filters = new ArrayList<>();
        for (Policy p : policies) {
            filters.add(Objects.requireNonNull(p.create(target)));
        }
        if (all) {
            filters.add(new DeadlineFilter(scheduler));
        }
        return Filters.chain(filters, downstream);
    }

    private static CircuitBreaker breaker() {
        return CircuitBreaker.builder().window(20).minimumCalls(10).waitInOpen(Duration.ofHours(1)).build();
    }

    /** The same policies, composed from Resilience4j's decorators (the time limiter only with all four). */
    private Supplier<CompletionStage<Message>> resilience4j(Supplier<CompletionStage<Message>> downstream,
            boolean all) {
        io.github.resilience4j.circuitbreaker.CircuitBreaker breaker =
                io.github.resilience4j.circuitbreaker.CircuitBreaker.of("quotes.quote", CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(20).minimumNumberOfCalls(10).failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofHours(1)).permittedNumberOfCallsInHalfOpenState(2)
                        .build());
        if (!all) {
            return io.github.resilience4j.circuitbreaker.CircuitBreaker.decorateCompletionStage(breaker, downstream);
        }
        TimeLimiter limiter = TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofHours(1)).build());
        io.github.resilience4j.bulkhead.Bulkhead bulkhead = io.github.resilience4j.bulkhead.Bulkhead.of("quotes.quote",
                BulkheadConfig.custom().maxConcurrentCalls(1_000).maxWaitDuration(Duration.ZERO).build());
        io.github.resilience4j.retry.Retry retry = io.github.resilience4j.retry.Retry.of("quotes.quote",
                RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(25)).build());
        Supplier<CompletionStage<Message>> limited = limiter.decorateCompletionStage(timers, downstream);
        Supplier<CompletionStage<Message>> bulkheaded =
                io.github.resilience4j.bulkhead.Bulkhead.decorateCompletionStage(bulkhead, limited);
        Supplier<CompletionStage<Message>> broken =
                io.github.resilience4j.circuitbreaker.CircuitBreaker.decorateCompletionStage(breaker, bulkheaded);
        return io.github.resilience4j.retry.Retry.decorateCompletionStage(retry, timers, broken);
    }
}
