package dev.parley.benchmarks.messaging;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * S9 and S10 on Kafka, both peers in one trial: Parley's {@code kafka://} against kafka-clients, on the same forked
 * KRaft broker. Warm-up 20 × 3 s, as {@link KafkaFanOutBenchmark}'s.
 */
@Warmup(iterations = 20, time = 3)
public class KafkaPairedFanOutBenchmark extends PairedFanOutBase {

    @Param({"kafka-raw"})
    public String peer = "kafka-raw";

    public KafkaPairedFanOutBenchmark() {
        super(new KafkaBench(), "parley-kafka");
    }

    @Override
    protected String peerName() {
        return peer;
    }
}
