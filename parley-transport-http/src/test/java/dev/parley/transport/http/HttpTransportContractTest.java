package dev.parley.transport.http;

import dev.parley.testkit.FreePorts;
import dev.parley.testkit.TransportContractSuite;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code http://} passes the transport contract suite unchanged; it carries no events. */
@ExtendWith(LeakCheck.class)
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

    @Override
    protected boolean supportsEvents() {
        return false;
    }
}
