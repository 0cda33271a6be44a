package dev.parley.transport.tcp;

import dev.parley.transport.Transport;
import dev.parley.transport.TransportContext;
import dev.parley.transport.TransportProvider;
import dev.parley.transport.tcp.internal.TcpTransport;
import java.util.List;

/**
 * Provides {@code tcp://}. Found on the class path with {@link TcpOptions#DEFAULT}; to change the options,
 * give the runtime one of your own: {@code Parley.builder().transport(new TcpTransportProvider(options))}.
 */
public final class TcpTransportProvider implements TransportProvider {

    private final TcpOptions options;

    /** With {@link TcpOptions#DEFAULT}. */
    public TcpTransportProvider() {
        this(TcpOptions.DEFAULT);
    }

    public TcpTransportProvider(TcpOptions options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    @Override
    public List<String> schemes() {
        return List.of("tcp");
    }

    /** One I/O thread per core, shared by the runtime's servers and clients. */
    @Override
    public Transport create(TransportContext context) {
        return new TcpTransport(context, options, Runtime.getRuntime().availableProcessors());
    }
}
