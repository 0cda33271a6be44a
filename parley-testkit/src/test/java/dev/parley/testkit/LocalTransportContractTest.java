package dev.parley.testkit;

import java.util.concurrent.atomic.AtomicInteger;

/** The {@code local:} transport passes the transport contract suite. */
class LocalTransportContractTest extends TransportContractSuite {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Override
    protected String serviceAddress(String name) {
        return "local:" + name + "-" + NEXT.incrementAndGet();
    }
}
