package dev.parley.transport.tcp;

import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The tcp transport's limits and sizes, with the defaults of docs/protocol.md.
 *
 * @param maxFrameBytes the largest frame, counted after its length field (4 MiB)
 * @param maxHeaderBytes the largest header block (8 KiB)
 * @param maxConcurrentStreams calls in flight on one connection (4096); the server refuses more with
 *        RESOURCE_EXHAUSTED, and a client opens another connection before it gets there
 * @param maxConnectionsPerEndpoint connections a client opens to one endpoint at most (8)
 * @param connectTimeout how long a client waits for a connection (3 s)
 * @param prefaceTimeout how long a server waits for a client's preface (10 s)
 * @param shutdownGrace how long a closing server lets in-flight calls finish (5 s)
 * @param serverTls when set, servers speak TLS with it (for mutual TLS, build it with
 *        {@code clientAuth(ClientAuth.REQUIRE)} and a trust manager); see {@link TcpTls}
 * @param clientTls when set, clients speak TLS with it, verifying the server's host name; see {@link TcpTls}
 */
public record TcpOptions(int maxFrameBytes, int maxHeaderBytes, int maxConcurrentStreams,
        int maxConnectionsPerEndpoint, Duration connectTimeout, Duration prefaceTimeout, Duration shutdownGrace,
        @Nullable SslContext serverTls, @Nullable SslContext clientTls) {

    /** The defaults of docs/protocol.md, without TLS. */
    public static final TcpOptions DEFAULT = new TcpOptions(4 * 1024 * 1024, 8 * 1024, 4096, 8,
            Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(5), null, null);

    public TcpOptions {
        positive(maxFrameBytes, "maxFrameBytes");
        positive(maxHeaderBytes, "maxHeaderBytes");
        if (maxHeaderBytes > 0xFFFF) {
            throw new IllegalArgumentException("maxHeaderBytes: " + maxHeaderBytes + " (expected: <= 65535)");
        }
        positive(maxConcurrentStreams, "maxConcurrentStreams");
        positive(maxConnectionsPerEndpoint, "maxConnectionsPerEndpoint");
    }

    /** These options with TLS on both sides: {@code server} for serving, {@code client} for calling. */
    public TcpOptions withTls(@Nullable SslContext server, @Nullable SslContext client) {
        if (server != null && !server.isServer()) {
            throw new IllegalArgumentException("server: a client SslContext (expected: SslContextBuilder.forServer)");
        }
        if (client != null && !client.isClient()) {
            throw new IllegalArgumentException("client: a server SslContext (expected: SslContextBuilder.forClient)");
        }
        return new TcpOptions(maxFrameBytes, maxHeaderBytes, maxConcurrentStreams, maxConnectionsPerEndpoint,
                connectTimeout, prefaceTimeout, shutdownGrace, server, client);
    }

    private static void positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
    }
}
