package dev.parley.broker.kafka;

import dev.parley.Parley;
import dev.parley.messaging.MessagingOptions;
import dev.parley.testkit.TransportContractSuite;
import dev.parley.testkit.kafka.KafkaBrokerExtension;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transport contract suite (every style as over RPC) on {@code kafka://}, on the shared forked broker. */
class KafkaTransportContractTest extends TransportContractSuite {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.shared();

    @Override
    protected String serviceAddress(String name) {
        return KAFKA.broker().uri() + "/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    protected Parley.Builder runtimeBuilder() {
        return Parley.builder().transport(new KafkaTransportProvider(KafkaOptions.DEFAULT.withPartitions(4),
                MessagingOptions.DEFAULT));
    }

    /** A request waits in its topic for a server. */
    @Override
    protected boolean failsWhenNobodyServes() {
        return false;
    }

    /** A caller's cancel cannot reach the member running its request; the request's deadline stops it. */
    @Override
    protected boolean supportsCancellation() {
        return false;
    }

    @Override
    protected int concurrentCalls() {
        return 2_000;
    }
}
