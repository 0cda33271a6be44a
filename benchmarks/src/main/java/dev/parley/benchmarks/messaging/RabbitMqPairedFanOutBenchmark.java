package dev.parley.benchmarks.messaging;

import org.openjdk.jmh.annotations.Param;

/**
 * S9 and S10 on RabbitMq, both peers in one trial: Parley's {@code amqp://} against amqp-client, on the machine's
 * RabbitMQ.
 */
public class RabbitMqPairedFanOutBenchmark extends PairedFanOutBase {

    @Param({"rabbitmq-raw"})
    public String peer = "rabbitmq-raw";

    public RabbitMqPairedFanOutBenchmark() {
        super(new RabbitMqBench(), "parley-rabbitmq");
    }

    @Override
    protected String peerName() {
        return peer;
    }
}
