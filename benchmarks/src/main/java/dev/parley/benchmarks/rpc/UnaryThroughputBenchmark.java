package dev.parley.benchmarks.rpc;

import dev.parley.benchmarks.local.Payload;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * S2: unary echo calls per second with {@code inFlight} calls out, all issued by one benchmark thread
 * through each peer's asynchronous API (Parley's {@code CompletableFuture<Payload> echoAsync(Payload)},
 * gRPC's {@code ClientCalls.asyncUnaryCall}). A {@link Pump} made once per trial keeps the calls out: an
 * invocation issues {@value #CALLS} calls, each as soon as a reply has made room for it, so from the first
 * invocation of the warm-up to the end of the trial there are {@code inFlight} calls out (fewer only for the
 * moment between a reply and the next call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class UnaryThroughputBenchmark {

    static final int CALLS = 1_000;

    /** {@code parley-policies} is S7's: the same calls through a retry, a circuit breaker and a bulkhead. */
    @Param({"parley", "parley-nonblocking", "parley-policies", "grpc-default", "grpc-direct"})
    public String peer = "parley";

    @Param({"32", "128"})
    public int inFlight = 32;

    private @Nullable PumpedPeer trial;

    @Setup(Level.Trial)
    public void start() throws Exception {
        trial = PumpedPeer.start(Peer.start(peer), Payload.ofSize(UnaryLatencyBenchmark.PAYLOAD_CHARS), inFlight, 0);
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        if (trial != null) {
            trial.stop();
            trial = null;
        }
    }

    /** {@value #CALLS} calls, keeping {@code inFlight} out. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void echo() throws InterruptedException {
        Objects.requireNonNull(trial, "not started").send(CALLS);
    }
}
