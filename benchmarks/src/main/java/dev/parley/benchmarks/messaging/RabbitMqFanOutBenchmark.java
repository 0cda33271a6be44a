package dev.parley.benchmarks.messaging;

import org.openjdk.jmh.annotations.Param;

/** S10 on RabbitMQ: Parley's {@code amqp://} against amqp-client, on the machine's RabbitMQ. */
public class RabbitMqFanOutBenchmark extends FanOutBenchmarkBase {

    @Param({"parley-rabbitmq", "rabbitmq-raw"})
    public String peer = "parley-rabbitmq";

    public RabbitMqFanOutBenchmark() {
        super(new RabbitMqBench());
    }

    @Override
    protected String peerName() {
        return peer;
    }
}
