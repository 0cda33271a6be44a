package dev.parley.benchmarks.messaging;

import org.openjdk.jmh.annotations.Param;

/** S10: the same publishing, fanned out to 1, 4 and 16 subscriber groups; score: messages published per second. */
public abstract class FanOutBenchmarkBase extends PublishScenario {

    @Param({"1", "4", "16"})
    public int groups = 1;

    protected FanOutBenchmarkBase(BrokerBench broker) {
        super(broker);
    }

    @Override
    protected final int groups() {
        return groups;
    }
}
