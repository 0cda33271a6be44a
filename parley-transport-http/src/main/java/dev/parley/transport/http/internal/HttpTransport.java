package dev.parley.transport.http.internal;

import dev.parley.contract.ContractDescriptor;
import dev.parley.service.Service;
import dev.parley.transport.Registration;
import dev.parley.transport.RequestTransport;
import dev.parley.transport.TransportContext;
import dev.parley.transport.http.HttpOptions;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * {@code http[s]://host:port[,host:port...]}: request/response, request/async-response and notifications as REST
 * resources (docs/rest.md). It carries no events; those need a broker.
 */
public final class HttpTransport implements RequestTransport {

    private final TransportContext context;
    private final HttpOptions options;
    private final EventLoops loops;
    private final Negotiation negotiation;
    private final CodecCache codecs;
    private final Map<String, List<Endpoint>> endpoints = new ConcurrentHashMap<>();
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

    public HttpTransport(TransportContext context, HttpOptions options, int ioThreads) {
        this.context = context;
        this.options = options;
        this.loops = EventLoops.create(context.instance(), ioThreads);
        this.negotiation = new Negotiation(context.codecs());
        this.codecs = new CodecCache(context.codecs());
    }

    @Override
    public Registration serve(URI address, Service handler) {
        List<InetSocketAddress> at = endpoints(address);
        if (at.size() != 1) {
            throw new IllegalArgumentException("serve " + address + ": a server listens on one host:port");
        }
        InetSocketAddress bindTo = new InetSocketAddress(at.getFirst().getHostString(), at.getFirst().getPort());
        SslContext tls = null;
        if (secure(address)) {
            tls = options.serverTls();
            if (tls == null) {
                throw new IllegalArgumentException("serve " + address + ": https:// needs a server TLS context: "
                        + "HttpOptions.withTls(server, client) given to Parley.builder().transport(...)");
            }
        }
        HttpServer server = new HttpServer(loops, bindTo, handler, context.scheduler(), negotiation, options, tls);
        servers.add(server);
        return () -> {
            servers.remove(server);
            server.close();
        };
    }

    @Override
    public Service connect(URI address) {
        return client(address, null);
    }

    @Override
    public Service connect(URI address, ContractDescriptor contract) {
        return client(address, contract);
    }

    private Service client(URI address, @Nullable ContractDescriptor contract) {
        String base = address.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + address.getRawAuthority();
        String key = base + (contract == null ? "" : " " + contract.type().getName());
        SslContext tls = null;
        if (secure(address)) {
            tls = options.clientTls();
            if (tls == null) {
                throw new IllegalArgumentException("client of " + address + ": https:// needs a client TLS context: "
                        + "HttpOptions.withTls(server, client) given to Parley.builder().transport(...)");
            }
        }
        SslContext clientTls = tls;
        return clients.computeIfAbsent(key, k -> new HttpClient(base, endpoints.computeIfAbsent(base,
                a -> endpoints(address).stream().map(e -> new Endpoint(e, loops, options, clientTls)).toList()),
                contract, codecs));
    }

    private static boolean secure(URI address) {
        return "https".equalsIgnoreCase(address.getScheme());
    }

    @Override
    public void close() {
        for (HttpServer s : servers) {
            s.close();
        }
        servers.clear();
        endpoints.values().forEach(l -> l.forEach(Endpoint::close));
        endpoints.clear();
        clients.clear();
        loops.close();
    }

    /** {@code http://h1:8080,h2:8080} as socket addresses (port 80 when none is given), naming what is wrong. */
    static List<InetSocketAddress> endpoints(URI address) {
        String authority = address.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new IllegalArgumentException("address '" + address + "' has no host (e.g. http://localhost:8080)");
        }
        List<InetSocketAddress> result = new ArrayList<>();
        for (String part : authority.split(",")) {
            URI one = URI.create("http://" + part);
            if (one.getHost() == null) {
                throw new IllegalArgumentException("address '" + address + "': '" + part + "' is not host[:port]");
            }
            String host = one.getHost().startsWith("[") ? one.getHost().substring(1, one.getHost().length() - 1)
                    : one.getHost();
            int port = one.getPort() >= 0 ? one.getPort() : secure(address) ? 443 : 80;
            result.add(InetSocketAddress.createUnresolved(host, port));
        }
        return result;
    }

    @Override
    public String toString() {
        return "http";
    }
}
