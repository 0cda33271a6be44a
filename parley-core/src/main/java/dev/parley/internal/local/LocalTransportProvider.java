package dev.parley.internal.local;

import dev.parley.transport.Transport;
import dev.parley.transport.TransportContext;
import dev.parley.transport.TransportProvider;
import java.util.List;

/** Provides the {@code local:} transport. */
public final class LocalTransportProvider implements TransportProvider {

    @Override
    public List<String> schemes() {
        return List.of("local");
    }

    @Override
    public Transport create(TransportContext context) {
        return new LocalTransport();
    }
}
