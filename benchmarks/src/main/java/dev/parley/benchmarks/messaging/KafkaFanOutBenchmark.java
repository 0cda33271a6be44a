package dev.parley.benchmarks.messaging;

import org.openjdk.jmh.annotations.Param;

/** S10 on Kafka: Parley's {@code kafka://} against kafka-clients, on the same forked KRaft broker. */
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
