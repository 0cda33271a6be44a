package dev.parley.broker.artemis;

import dev.parley.messaging.BrokerTransportProvider;
import dev.parley.messaging.MessagingOptions;
import dev.parley.testkit.messaging.MessagingContractSuite;

/** {@code embedded:} passes the messaging contract suite unchanged. */
class EmbeddedArtemisContractTest extends MessagingContractSuite {

    @Override
    protected String address(String name) {
        return "embedded:" + name;
    }

    @Override
    protected BrokerTransportProvider provider(MessagingOptions options) {
        return new ArtemisTransportProvider(ArtemisTestBroker.OPTIONS, options);
    }
}
