package dev.parley.benchmarks.local;

import dev.parley.Parley;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * One {@code local:} call (stub, client filters, local transport, router, skeleton, handler on a virtual
 * thread, JSON both ways) against a direct call of the same implementation, side by side in one run.
 *
 * <p>{@link Baselines} adds peers that tell where the cost of a local call goes; they run only when asked for
 * ({@code -p peer=...}).
 *
 * <p>The ratio is informational: a direct call is a few nanoseconds, so it says how much a call through
 * Parley costs, not how Parley compares with another framework. Forks, iterations and the profiler come
 * from {@code benchmarks/run}, not from annotations here, so every suite runs with the same settings.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LocalCallBenchmark {

    static final String ADDRESS = "local:bench-echo";
    static final int PAYLOAD_CHARS = 1024;

    /** Who answers: the implementation itself, or the same implementation behind Parley's local transport. */
    @Param({"direct", "parley-local"})
    public String peer = "direct";

    private @Nullable Parley parley;
    private @Nullable ExecutorService virtualThreads;
    private Echo echo = new EchoImpl();
    private final Payload payload = Payload.ofSize(PAYLOAD_CHARS);

    @Setup(Level.Trial)
    public void start() {
        Echo impl = new EchoImpl();
        switch (peer) {
            case "direct" -> echo = impl;
            case "parley-local" -> {
                Parley p = Parley.builder().build();
                parley = p;
                p.serve(Echo.class, impl, ADDRESS);
                echo = p.client(Echo.class, ADDRESS);
            }
            default -> {
                ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor();
                virtualThreads = vts;
                echo = Baselines.of(peer, impl, vts);
            }
        }
        // Fail the trial now, not after the warm-up, if the round trip loses anything.
        Payload back = echo.echo(payload);
        if (!payload.equals(back) || !payload.equals(echo.echoAsync(payload).join())) {
            throw new IllegalStateException(peer + ": echo answered " + back);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (parley != null) {
            parley.close();
            parley = null;
        }
        if (virtualThreads != null) {
            virtualThreads.close();
            virtualThreads = null;
        }
    }

    /** A blocking call: the caller waits for the reply. */
    @Benchmark
    public void echo(Blackhole bh) {
        bh.consume(echo.echo(payload));
    }

    /** A future-returning call, joined at once (one call in flight). */
    @Benchmark
    public void echoAsync(Blackhole bh) {
        bh.consume(echo.echoAsync(payload).join());
    }
}
