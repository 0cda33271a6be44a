package dev.parley.transport.tcp;

import dev.parley.testkit.TransportContractSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** {@code tcp://} passes the transport contract suite unchanged; it carries no events. */
class TcpTransportContractTest extends TransportContractSuite {

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected String serviceAddress(String name) {
        return "tcp://127.0.0.1:" + freePort();
    }

    @Override
    protected Replicas replicas(String name, int count) {
        List<String> servers = new ArrayList<>();
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int port = freePort();
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
