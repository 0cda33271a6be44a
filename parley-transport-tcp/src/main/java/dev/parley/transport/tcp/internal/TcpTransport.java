package dev.parley.transport.tcp.internal;

import dev.parley.service.Service;
import dev.parley.transport.Registration;
import dev.parley.transport.RequestTransport;
import dev.parley.transport.TransportContext;
import dev.parley.transport.tcp.TcpOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code tcp://host:port[,host:port...]}: request/response, request/async-response and notification over
 * Parley's own protocol. It carries no events; those need a broker.
 */
public final class TcpTransport implements RequestTransport {

    private final TransportContext context;
    private final TcpOptions options;
    private final EventLoops loops;
    private final Map<String, TcpClient> clients = new ConcurrentHashMap<>();
    private final List<TcpServer> servers = new java.util.concurrent.CopyOnWriteArrayList<>();

    public TcpTransport(TransportContext context, TcpOptions options, int ioThreads) {
        this.context = context;
        this.options = options;
        this.loops = new EventLoops(context.instance(), ioThreads);
    }

    @Override
    public Registration serve(URI address, Service handler) {
        List<InetSocketAddress> at = endpoints(address);
        if (at.size() != 1) {
            throw new IllegalArgumentException("serve " + address + ": a server listens on one host:port");
        }
        InetSocketAddress unresolved = at.getFirst();
        InetSocketAddress bindTo = new InetSocketAddress(unresolved.getHostString(), unresolved.getPort());
        TcpServer server = TcpServer.bind(loops, bindTo, handler, context.scheduler(), options);
        servers.add(server);
        return server;
    }

    @Override
    public Service connect(URI address) {
        return clients.computeIfAbsent(address.getRawAuthority(), a -> {
            List<Endpoint> endpoints = new ArrayList<>();
            for (InetSocketAddress e : endpoints(address)) {
                endpoints.add(new Endpoint(e, loops, options, context.scheduler()));
            }
            return new TcpClient("tcp://" + a, endpoints);
        });
    }

    @Override
    public void close() {
        for (TcpServer s : servers) {
            s.close();
        }
        servers.clear();
        clients.values().forEach(TcpClient::close);
        clients.clear();
        loops.close();
    }

    /** {@code tcp://h1:7000,h2:7000} as socket addresses, naming what is wrong. */
    static List<InetSocketAddress> endpoints(URI address) {
        String authority = address.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new IllegalArgumentException("address '" + address + "' has no host:port (e.g. tcp://localhost:7000)");
        }
        List<InetSocketAddress> result = new ArrayList<>();
        for (String part : authority.split(",")) {
            int colon = part.lastIndexOf(':');
            if (colon <= 0 || colon == part.length() - 1) {
                throw new IllegalArgumentException("address '" + address + "': '" + part + "' is not host:port");
            }
            String host = part.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(part.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("address '" + address + "': port of '" + part + "' is not a number");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("address '" + address + "': port " + port + " (expected: 0..65535)");
            }
            result.add(InetSocketAddress.createUnresolved(host, port));
        }
        return result;
    }

    @Override
    public String toString() {
        return "tcp";
    }
}
