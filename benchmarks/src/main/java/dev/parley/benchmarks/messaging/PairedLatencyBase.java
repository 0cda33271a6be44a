package dev.parley.benchmarks.messaging;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * S9's added p50, both peers in one trial ({@link PairedScenario}): one subscriber group (or
 * {@code -Dbench.groups}, as in {@link PublishBenchmarkBase}).
 */
public abstract class PairedLatencyBase extends PairedScenario {

    protected PairedLatencyBase(BrokerBench broker, String parleyName) {
        super(broker, parleyName);
    }

    @Override
    protected final int groups() {
        return Integer.getInteger("bench.groups", 1);
    }

    /**
     * One message through each peer with nothing else in flight: timed from the publish to the broker's confirm;
     * then, untimed, until every group has received it. So no publish races the acknowledgement of the message
     * before it to the broker (in {@link PublishBenchmarkBase#publishOne()} it does, and which of the two the
     * broker takes first moves the p50 by tens of µs).
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void latency(Latencies latencies) throws Exception {
        for (boolean isParley : order()) {
            Publishing side = side(isParley);
            long start = System.nanoTime();
            side.one();
            latencies.record(isParley, System.nanoTime() - start);
            side.awaitArrivals();
        }
    }
}
