package dev.parley.broker.artemis;

import dev.parley.Parley;
import dev.parley.messaging.MessagingOptions;
import dev.parley.testkit.TransportContractSuite;

/** {@code embedded:} also passes the transport contract suite that every transport passes. */
class ArtemisTransportContractTest extends TransportContractSuite {

    @Override
    protected String serviceAddress(String name) {
        return "embedded:" + name + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    protected Parley.Builder runtimeBuilder() {
        return Parley.builder().transport(new ArtemisTransportProvider(ArtemisTestBroker.OPTIONS, MessagingOptions.DEFAULT));
    }

    /** A request waits in its queue for a server. */
    @Override
    protected boolean failsWhenNobodyServes() {
        return false;
    }

    /**
     * A caller that cancels cannot reach the one server instance running its request; the server stops the
     * handler when the request's deadline passes (checked by callPastItsDeadline... through the suite below).
     */
    @Override
    protected boolean supportsCancellation() {
        return false;
    }

    @Override
    protected int concurrentCalls() {
        return 2_000;
    }
}
