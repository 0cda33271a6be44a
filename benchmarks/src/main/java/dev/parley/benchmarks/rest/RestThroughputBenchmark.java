package dev.parley.benchmarks.rest;

import dev.parley.benchmarks.local.Payload;
import dev.parley.benchmarks.rpc.Peer;
import dev.parley.benchmarks.rpc.PumpedPeer;
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
 * S5: POSTs of a 1 KiB JSON body echoed back, per second, over HTTP/1.1 keep-alive with {@code connections}
 * connections and as many calls out (one per connection), all issued by one benchmark thread through each
 * peer's asynchronous client (the rpc suite's {@link Pump}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RestThroughputBenchmark {

    static final int CALLS = 500;
    static final int PAYLOAD_CHARS = 1024;

    @Param({"parley", "parley-nonblocking", "vertx", "armeria"})
    public String peer = "parley";

    @Param({"1", "64"})
    public int connections = 1;

    private @Nullable PumpedPeer trial;

    @Setup(Level.Trial)
    public void start() throws Exception {
        trial = PumpedPeer.start(RestPeer.start(peer, connections), Payload.ofSize(PAYLOAD_CHARS), connections, 0);
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        if (trial != null) {
            trial.stop();
            trial = null;
        }
    }

    /** {@value #CALLS} calls, keeping {@code connections} out. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void echo() throws InterruptedException {
        Objects.requireNonNull(trial, "not started").send(CALLS);
    }
}
