package dev.parley.transport.http;

import dev.parley.testkit.NettyLeakCheck;
import dev.parley.testkit.FreePorts;
import dev.parley.testkit.TransportContractSuite;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code http://} passes the transport contract suite unchanged; it carries no events. */
@ExtendWith(NettyLeakCheck.class)
class HttpTransportContractTest extends TransportContractSuite {

    @Override
    protected String serviceAddress(String name) {
        return "http://127.0.0.1:" + FreePorts.next();
    }

    @Override
    protected Replicas replicas(String name, int count) {
        List<String> servers = new ArrayList<>();
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int port = FreePorts.next();
            servers.add("http://127.0.0.1:" + port);
            endpoints.add("127.0.0.1:" + port);
        }
        return new Replicas(servers, "http://" + String.join(",", endpoints));
    }

    /**
     * HTTP/1.1 carries one call per connection: the calls beyond the client's 64 connections wait in its
     * queue, all under the same 10 s default deadline from the moment they are made. 10,000 at once pass on a
     * quiet machine (about 1 s here) but not reliably on a two-core one that other builds load twenty times
     * over; 2,000 still keep 30 times more calls waiting than there are connections.
     */
    @Override
    protected int concurrentCalls() {
        return 2_000;
    }

    @Override
    protected boolean supportsEvents() {
        return false;
    }
}
