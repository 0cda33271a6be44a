package dev.parley.benchmarks.messaging;

import org.openjdk.jmh.annotations.Param;

/**
 * S9's added p50 on Kafka, both peers in one trial: Parley's {@code kafka://} against kafka-clients, on the same
 * forked KRaft broker.
 */
public class KafkaPairedLatencyBenchmark extends PairedLatencyBase {

    @Param({"kafka-raw"})
    public String peer = "kafka-raw";

    public KafkaPairedLatencyBenchmark() {
        super(new KafkaBench(), "parley-kafka");
    }

    @Override
    protected String peerName() {
        return peer;
    }
}
