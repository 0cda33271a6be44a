package dev.parley.transport.tcp;

import dev.parley.testkit.NettyLeakCheck;
import dev.parley.testkit.FreePorts;
import dev.parley.testkit.TransportContractSuite;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code tcp://} passes the transport contract suite unchanged; it carries no events. */
@ExtendWith(NettyLeakCheck.class)
class TcpTransportContractTest extends TransportContractSuite {

    @Override
    protected String serviceAddress(String name) {
        return "tcp://127.0.0.1:" + FreePorts.next();
    }

    @Override
    protected Replicas replicas(String name, int count) {
        List<String> servers = new ArrayList<>();
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int port = FreePorts.next();
            servers.add("tcp://127.0.0.1:" + port);
            endpoints.add("127.0.0.1:" + port);
        }
        return new Replicas(servers, "tcp://" + String.join(",", endpoints));
    }

    @Override
    protected boolean supportsEvents() {
        return false;
    }
}
