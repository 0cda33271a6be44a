package dev.parley.benchmarks.messaging;

import org.openjdk.jmh.annotations.Param;

/**
 * S9's added p50 on RabbitMq, both peers in one trial: Parley's {@code amqp://} against amqp-client, on the
 * machine's RabbitMQ.
 */
public class RabbitMqPairedLatencyBenchmark extends PairedLatencyBase {

    @Param({"rabbitmq-raw"})
    public String peer = "rabbitmq-raw";

    public RabbitMqPairedLatencyBenchmark() {
        super(new RabbitMqBench(), "parley-rabbitmq");
    }

    @Override
    protected String peerName() {
        return peer;
    }
}
