package dev.parley.internal.runtime;

import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.transport.Transport;
import dev.parley.transport.TransportContext;
import dev.parley.transport.TransportProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The transports of one runtime, made on first use of their URI scheme. */
public final class Transports implements AutoCloseable {

    private final Map<String, TransportProvider> providers = new TreeMap<>();
    private final Map<String, Transport> open = new ConcurrentHashMap<>();
    private final TransportContext context;

    /** {@code first} win over the providers found through {@link ServiceLoader} for the same scheme. */
    public Transports(TransportContext context, List<TransportProvider> first, ClassLoader loader) {
        this.context = context;
        List<TransportProvider> all = new ArrayList<>(first);
        ServiceLoader.load(TransportProvider.class, loader).forEach(all::add);
        for (TransportProvider p : all) {
            for (String scheme : p.schemes()) {
                providers.putIfAbsent(scheme.toLowerCase(Locale.ROOT), p);
            }
        }
    }

    /** Parses an address such as {@code tcp://host:7000} or {@code local:trips}, naming what is wrong. */
    public static URI address(String uri) {
        try {
            URI u = new URI(uri);
            if (u.getScheme() == null) {
                throw new IllegalArgumentException("address '" + uri + "' has no scheme (e.g. local:trips, tcp://host:7000)");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("address '" + uri + "' is not a URI: " + e.getMessage(), e);
        }
    }

    /** The transport for {@code address}'s scheme. */
    public Transport forAddress(URI address) {
        String scheme = address.getScheme().toLowerCase(Locale.ROOT);
        return open.computeIfAbsent(scheme, s -> {
            TransportProvider p = providers.get(s);
            if (p == null) {
                throw new ParleyException(Status.UNIMPLEMENTED, "no transport for '" + s + ":' (address "
                        + address + "); installed: " + providers.keySet()
                        + "; add the module for it (e.g. parley-transport-tcp) to the class path");
            }
            return p.create(context);
        });
    }

    @Override
    public void close() {
        List<Transport> all = new ArrayList<>(open.values());
        open.clear();
        for (Transport t : all) {
            t.close();
        }
    }
}
