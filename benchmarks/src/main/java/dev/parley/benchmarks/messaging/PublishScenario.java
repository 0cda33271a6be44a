package dev.parley.benchmarks.messaging;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * S9 and S10, written once for every broker, one peer per trial. A broker's benchmark class extends this
 * (through {@link PublishBenchmarkBase} or {@link FanOutBenchmarkBase}), declares {@code @Param peer} with its
 * peers' names, and hands its {@link BrokerBench} to the constructor. {@link PairedScenario} measures the same
 * with both peers in one trial.
 *
 * <p>{@link #publish()}: {@value Publishing#MESSAGES} messages of 1 KiB, {@value Publishing#PUBLISHERS}
 * publishers (virtual threads) each waiting for its broker confirm before the next, and the invocation ends
 * when every subscriber group has received all of them (end to end, consumers acknowledging). Score: messages
 * per second.
 *
 * <p>Warm-up 8 × 3 s, longer than other suites': each trial starts its broker, and with less the JIT still
 * takes much of the CPU while JMH measures (docs/benchmarks.md, messaging). A class that needs more says so.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 8, time = 3)
public abstract class PublishScenario {

    private final BrokerBench broker;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private @Nullable Publishing running;

    protected PublishScenario(BrokerBench broker) {
        this.broker = broker;
    }

    /** The peer's name, the {@code @Param peer} of the concrete class. */
    protected abstract String peerName();

    /** How many subscriber groups; 1 for S9. */
    protected abstract int groups();

    @Setup(Level.Trial)
    public void start() throws Exception {
        broker.start();
        running = Publishing.open(broker.peer(peerName()), groups());
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {  // the broker's stop may throw
        if (running != null) {
            running.close();
            running = null;
        }
        workers.shutdownNow();
        broker.stop();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(Publishing.MESSAGES)
    public void publish() throws Exception {
        publishing().burst(workers);
    }

    Publishing publishing() {
        Publishing p = running;
        if (p == null) {
            throw new IllegalStateException("not started");
        }
        return p;
    }
}
