package dev.parley.benchmarks.messaging;

import org.openjdk.jmh.annotations.Param;

/** S9 on RabbitMQ: Parley's {@code amqp://} against amqp-client, on the machine's RabbitMQ. */
public class RabbitMqPublishBenchmark extends PublishBenchmarkBase {

    @Param({"parley-rabbitmq", "rabbitmq-raw"})
    public String peer = "parley-rabbitmq";

    private final RabbitMqBench bench = new RabbitMqBench();

    @Override
    protected String peerName() {
        return peer;
    }

    @Override
    protected void startBroker() throws Exception {
        bench.start();
    }

    @Override
    protected MessagingPeer peer(String name) throws Exception {
        return bench.peer(name);
    }

    @Override
    protected void stopBroker() {
        bench.stop();
    }
}
