package dev.parley.benchmarks.messaging;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * S9: publish 1 KiB through Parley against the broker's raw client, one subscriber group.
 * {@link #publish()} is the throughput; {@link #publishOne()} the time of one confirmed publish with nothing
 * else in flight (SampleTime: p50 and p99), from which the added p50 is read.
 */
public abstract class PublishBenchmarkBase extends PublishScenario {

    protected PublishBenchmarkBase(BrokerBench broker) {
        super(broker);
    }

    /**
     * One subscriber group, or as many as the system property {@code bench.groups} says: with 0 nothing is
     * bound to the topic, so the broker confirms without storing anything and {@link #publishOne()} measures
     * the publishing path alone ({@code -- -jvmArgsAppend -Dbench.groups=0}).
     */
    @Override
    protected final int groups() {
        return Integer.getInteger("bench.groups", 1);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void publishOne() throws Exception {
        publishing().one();
    }
}
