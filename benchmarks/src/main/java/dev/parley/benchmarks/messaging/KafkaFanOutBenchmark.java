package dev.parley.benchmarks.messaging;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * S10 on Kafka: Parley's {@code kafka://} against kafka-clients, on the same forked KRaft broker. Warm-up
 * 20 × 3 s: with 4 and 16 groups both peers' throughput climbs for about a minute of a fresh broker (from
 * 0.2k to 7–10k msgs/s at 4 groups) before it levels (docs/benchmarks.md, messaging).
 */
@Warmup(iterations = 20, time = 3)
public class KafkaFanOutBenchmark extends FanOutBenchmarkBase {

    @Param({"parley-kafka", "kafka-raw"})
    public String peer = "parley-kafka";

    public KafkaFanOutBenchmark() {
        super(new KafkaBench());
    }

    @Override
    protected String peerName() {
        return peer;
    }
}
