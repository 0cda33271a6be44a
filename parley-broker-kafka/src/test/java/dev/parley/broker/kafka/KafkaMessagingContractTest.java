package dev.parley.broker.kafka;

import dev.parley.messaging.BrokerTransportProvider;
import dev.parley.messaging.MessagingOptions;
import dev.parley.testkit.kafka.KafkaBrokerExtension;
import dev.parley.testkit.messaging.MessagingContractSuite;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The messaging contract suite, unchanged, on a real forked Kafka broker. */
class KafkaMessagingContractTest extends MessagingContractSuite {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.shared();

    @Override
    protected String address(String name) {
        return KAFKA.broker().uri() + "/" + name;
    }

    @Override
    protected BrokerTransportProvider provider(MessagingOptions options) {
        return new KafkaTransportProvider(KafkaOptions.DEFAULT.withPartitions(4), options);
    }

    @Override
    protected Duration patience() {
        return Duration.ofSeconds(60);
    }
}
