package dev.parley.broker.rabbitmq;

import dev.parley.Parley;
import dev.parley.messaging.MessagingOptions;
import dev.parley.testkit.TransportContractSuite;
import dev.parley.testkit.rabbitmq.RabbitMq;
import dev.parley.testkit.rabbitmq.RabbitMqExtension;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code amqp://} also passes the transport contract suite that every transport passes (one vhost per class). */
@ExtendWith(RabbitMqExtension.class)
class RabbitMqTransportContractTest extends TransportContractSuite {

    private static RabbitMq rabbit;

    @BeforeAll
    static void vhost(RabbitMq broker) {
        rabbit = broker;
    }

    @Override
    protected String serviceAddress(String name) {
        return rabbit.address(name + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    protected Parley.Builder runtimeBuilder() {
        return Parley.builder().transport(new RabbitMqTransportProvider(RabbitMqOptions.DEFAULT, MessagingOptions.DEFAULT));
    }

    /** A request waits in its queue for a server. */
    @Override
    protected boolean failsWhenNobodyServes() {
        return false;
    }

    /** A caller's cancel cannot reach the one server running its request; the request's deadline stops it. */
    @Override
    protected boolean supportsCancellation() {
        return false;
    }

    @Override
    protected int concurrentCalls() {
        return 2_000;
    }
}
