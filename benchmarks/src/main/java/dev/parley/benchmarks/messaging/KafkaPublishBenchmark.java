package dev.parley.benchmarks.messaging;

import org.openjdk.jmh.annotations.Param;

/** S9 on Kafka: Parley's {@code kafka://} against kafka-clients, on the same forked KRaft broker. */
public class KafkaPublishBenchmark extends PublishBenchmarkBase {

    @Param({"parley-kafka", "kafka-raw"})
    public String peer = "parley-kafka";

    public KafkaPublishBenchmark() {
        super(new KafkaBench());
    }

    @Override
    protected String peerName() {
        return peer;
    }
}
