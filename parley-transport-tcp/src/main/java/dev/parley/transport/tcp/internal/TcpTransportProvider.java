package dev.parley.transport.tcp.internal;

import dev.parley.transport.Transport;
import dev.parley.transport.TransportContext;
import dev.parley.transport.TransportProvider;
import dev.parley.transport.tcp.TcpOptions;
import java.util.List;

/** Provides {@code tcp://} with {@link TcpOptions#DEFAULT} and one I/O thread per core. */
public final class TcpTransportProvider implements TransportProvider {

    @Override
    public List<String> schemes() {
        return List.of("tcp");
    }

    @Override
    public Transport create(TransportContext context) {
        return new TcpTransport(context, TcpOptions.DEFAULT, Runtime.getRuntime().availableProcessors());
    }
}
