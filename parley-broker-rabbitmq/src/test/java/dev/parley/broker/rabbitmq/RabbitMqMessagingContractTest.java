package dev.parley.broker.rabbitmq;

import dev.parley.messaging.BrokerTransportProvider;
import dev.parley.messaging.MessagingOptions;
import dev.parley.testkit.messaging.MessagingContractSuite;
import dev.parley.testkit.rabbitmq.RabbitMq;
import dev.parley.testkit.rabbitmq.RabbitMqExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The messaging contract suite, unchanged, on the machine's RabbitMQ (one vhost for the class). */
@ExtendWith(RabbitMqExtension.class)
class RabbitMqMessagingContractTest extends MessagingContractSuite {

    private static RabbitMq rabbit;

    @BeforeAll
    static void vhost(RabbitMq broker) {
        rabbit = broker;
    }

    @Override
    protected String address(String name) {
        return rabbit.address(name);
    }

    @Override
    protected BrokerTransportProvider provider(MessagingOptions options) {
        return new RabbitMqTransportProvider(RabbitMqOptions.DEFAULT, options);
    }
}
