package dev.parley.transport.http;

import dev.parley.transport.Transport;
import dev.parley.transport.TransportContext;
import dev.parley.transport.TransportProvider;
import dev.parley.transport.http.internal.HttpTransport;
import java.util.List;
import java.util.Objects;

/**
 * Provides {@code http://} and {@code https://} (with {@link HttpOptions#withTls}): contracts served as REST
 * resources (docs/rest.md). Found on the class path with
 * {@link HttpOptions#DEFAULT}; to change the options, give the runtime one of your own:
 * {@code Parley.builder().transport(new HttpTransportProvider(options))}.
 */
public final class HttpTransportProvider implements TransportProvider {

    private final HttpOptions options;

    /** With {@link HttpOptions#DEFAULT}. */
    public HttpTransportProvider() {
        this(HttpOptions.DEFAULT);
    }

    public HttpTransportProvider(HttpOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public List<String> schemes() {
        return List.of("http", "https");
    }

    /** One I/O thread per core, shared by the runtime's servers and clients. */
    @Override
    public Transport create(TransportContext context) {
        return new HttpTransport(context, options, Runtime.getRuntime().availableProcessors());
    }
}
