package dev.parley.transport.http;

import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The http transport's limits and sizes, with the defaults of docs/rest.md.
 *
 * @param maxBodyBytes the largest request or response body (4 MiB); a larger request gets 413
 * @param maxHeaderBytes the largest header block of a request (8 KiB); a larger one gets 431
 * @param maxInitialLineBytes the longest request line (4 KiB); a longer one gets 414
 * @param maxPipelined requests a server reads ahead on one connection before it has answered the first (16);
 *        past it, the server stops reading that connection until it catches up
 * @param idleTimeout how long a connection with nothing in flight stays open (60 s)
 * @param maxConnectionsPerEndpoint connections a client keeps to one endpoint at most (64)
 * @param maxPendingCalls calls a client lets wait for a connection to one endpoint (100,000); more fail with
 *        RESOURCE_EXHAUSTED
 * @param connectTimeout how long a client waits for a connection (3 s)
 * @param shutdownGrace how long a closing server lets in-flight calls finish (5 s)
 * @param serverTls what {@code https://} servers speak TLS with (none by default: https is refused)
 * @param clientTls what {@code https://} clients speak TLS with, verifying the server's host name (none by
 *        default: https is refused)
 */
public record HttpOptions(int maxBodyBytes, int maxHeaderBytes, int maxInitialLineBytes, int maxPipelined,
        Duration idleTimeout, int maxConnectionsPerEndpoint, int maxPendingCalls, Duration connectTimeout,
        Duration shutdownGrace, @Nullable SslContext serverTls, @Nullable SslContext clientTls) {

    /** The defaults of docs/rest.md, without TLS. */
    public static final HttpOptions DEFAULT = new HttpOptions(4 * 1024 * 1024, 8 * 1024, 4 * 1024, 16,
            Duration.ofSeconds(60), 64, 100_000, Duration.ofSeconds(3), Duration.ofSeconds(5), null, null);

    public HttpOptions {
        positive(maxBodyBytes, "maxBodyBytes");
        positive(maxHeaderBytes, "maxHeaderBytes");
        positive(maxInitialLineBytes, "maxInitialLineBytes");
        positive(maxPipelined, "maxPipelined");
        positive(maxConnectionsPerEndpoint, "maxConnectionsPerEndpoint");
        positive(maxPendingCalls, "maxPendingCalls");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout: " + idleTimeout + " (expected: > 0)");
        }
    }

    /** These options with another body limit. */
    public HttpOptions withMaxBodyBytes(int bytes) {
        return new HttpOptions(bytes, maxHeaderBytes, maxInitialLineBytes, maxPipelined, idleTimeout,
                maxConnectionsPerEndpoint, maxPendingCalls, connectTimeout, shutdownGrace, serverTls, clientTls);
    }

    /** These options with another idle timeout. */
    public HttpOptions withIdleTimeout(Duration timeout) {
        return new HttpOptions(maxBodyBytes, maxHeaderBytes, maxInitialLineBytes, maxPipelined, timeout,
                maxConnectionsPerEndpoint, maxPendingCalls, connectTimeout, shutdownGrace, serverTls, clientTls);
    }

    /** These options with at most {@code connections} client connections per endpoint. */
    public HttpOptions withMaxConnectionsPerEndpoint(int connections) {
        return new HttpOptions(maxBodyBytes, maxHeaderBytes, maxInitialLineBytes, maxPipelined, idleTimeout,
                connections, maxPendingCalls, connectTimeout, shutdownGrace, serverTls, clientTls);
    }

    /**
     * These options with TLS for {@code https://}: {@code server} for serving (e.g.
     * {@code SslContextBuilder.forServer(key, chain).build()}), {@code client} for calling (e.g.
     * {@code SslContextBuilder.forClient().trustManager(ca).build()}); either may be null.
     */
    public HttpOptions withTls(@Nullable SslContext server, @Nullable SslContext client) {
        if (server != null && !server.isServer()) {
            throw new IllegalArgumentException("server: a client SslContext (expected: SslContextBuilder.forServer)");
        }
        if (client != null && !client.isClient()) {
            throw new IllegalArgumentException("client: a server SslContext (expected: SslContextBuilder.forClient)");
        }
        return new HttpOptions(maxBodyBytes, maxHeaderBytes, maxInitialLineBytes, maxPipelined, idleTimeout,
                maxConnectionsPerEndpoint, maxPendingCalls, connectTimeout, shutdownGrace, server, client);
    }

    private static void positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
    }
}
