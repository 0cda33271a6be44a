package dev.parley.benchmarks.rpc;

import dev.parley.benchmarks.local.Payload;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
 * S1: a unary echo of about 1 KiB, one call in flight, the caller blocked until the reply; JMH samples the
 * time of each call, and the report quotes its median (p50) and p99. Every peer's server and client run in
 * this JVM on {@link Peer#IO_THREADS} I/O threads; see {@link Peer} for the peers.
 *
 * <p>The payload is a record of a 1024-character string and an int, as JSON through Parley's codec for
 * Parley and gRPC alike; {@code netty-raw} sends 1024 bare bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UnaryLatencyBenchmark {

    static final int PAYLOAD_CHARS = 1024;

    /** The peers the goals name; {@code grpc-direct} runs when asked for ({@code -p peer=...}). */
    @Param({"parley", "parley-nonblocking", "grpc-default", "netty-raw"})
    public String peer = "parley";

    private final Payload payload = Payload.ofSize(PAYLOAD_CHARS);
    private @Nullable Peer running;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Peer p = Peer.start(peer);
        running = p;
        // Fail the trial now, not after the warm-up, if the round trip loses anything.
        Object back = p.call(payload);
        Object expected = p instanceof NettyRawPeer ? NettyRawPeer.BODY_BYTES + 4 : payload;
        if (!expected.equals(back)) {
            throw new IllegalStateException(peer + ": echo answered " + back);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /** One blocking call. */
    @Benchmark
    public Object echo() throws Exception {
        return peer().call(payload);
    }

    private Peer peer() {
        Peer p = running;
        if (p == null) {
            throw new IllegalStateException("not started");
        }
        return p;
    }
}
