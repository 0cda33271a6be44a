package dev.parley.benchmarks.messaging;

import org.openjdk.jmh.annotations.Param;

/** S9 on RabbitMQ: Parley's {@code amqp://} against amqp-client, on the machine's RabbitMQ. */
public class RabbitMqPublishBenchmark extends PublishBenchmarkBase {

    @Param({"parley-rabbitmq", "rabbitmq-raw"})
    public String peer = "parley-rabbitmq";

    public RabbitMqPublishBenchmark() {
        super(new RabbitMqBench());
    }

    @Override
    protected String peerName() {
        return peer;
    }
}
