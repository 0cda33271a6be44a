package dev.parley.benchmarks.messaging;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

/**
 * S9 (one group) and S10 (1, 4 and 16 groups), both peers in one trial ({@link PairedScenario}): score per
 * peer, messages published per second and delivered to every group.
 */
public abstract class PairedFanOutBase extends PairedScenario {

    @Param({"1", "4", "16"})
    public int groups = 1;

    protected PairedFanOutBase(BrokerBench broker, String parleyName) {
        super(broker, parleyName);
    }

    @Override
    protected final int groups() {
        return groups;
    }

    /**
     * One burst of {@value Publishing#MESSAGES} messages through each peer ({@link Publishing#burst}), each
     * timed until every group has received all of them.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void throughput(Rates rates) throws Exception {
        for (boolean isParley : order()) {
            rates.add(isParley, side(isParley).burst(workers));
        }
    }
}
