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
 * S8, throughput: unary echo calls per second with 10,000 calls out, issued by one benchmark thread as in
 * {@link UnaryThroughputBenchmark}, and with 128 out for the reference. Ideal (linear) scaling would keep
 * the calls per second of 128 in flight at 10,000, so the ratio is throughput at 10,000 ÷ throughput at
 * 128, both measured here with the same settings. Parley spreads the calls over the connections its tcp
 * client opens by itself (at most 8 per endpoint, a new one when the least busy is half full: 2,048 calls);
 * gRPC multiplexes them on one HTTP/2 connection. Every trial spends {@value #SETUP_MILLIS} ms bringing its
 * calls out and keeping them out before JMH's warm-up, whatever {@code inFlight} is: reaching 10,000
 * gradually takes about 9 s (see {@link Pump}), which would otherwise warm that trial's JIT longer than the
 * other's. Heap per call in flight is {@link ManyInFlightHeapBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ManyInFlightBenchmark {

    static final int CALLS = 10_000;
    /** Setup time of every trial, so that 128 and 10,000 in flight start JMH's warm-up equally warm. */
    static final long SETUP_MILLIS = 10_000;

    /** Parley, whose goal this is; {@code grpc-direct} and {@code parley-nonblocking} run when asked for. */
    @Param({"parley"})
    public String peer = "parley";

    @Param({"128", "10000"})
    public int inFlight = 10_000;

    private @Nullable PumpedPeer trial;

    @Setup(Level.Trial)
    public void start() throws Exception {
        trial = PumpedPeer.start(Peer.start(peer), Payload.ofSize(UnaryLatencyBenchmark.PAYLOAD_CHARS), inFlight, SETUP_MILLIS);
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
