package dev.parley.transport;

import java.util.List;

/**
 * Makes the {@link Transport} for some URI schemes. Listed in
 * {@code META-INF/services/dev.parley.transport.TransportProvider}.
 */
public interface TransportProvider {

    /** The URI schemes this provider serves, e.g. {@code tcp}. */
    List<String> schemes();

    /** A new transport for one runtime. */
    Transport create(TransportContext context);
}
