package dev.parley.transport.tcp;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;

/**
 * The four TLS settings, each one call: a server, a client that trusts a CA, and the mutual-TLS pair in
 * which each side also proves who it is. Clients always verify the server's host name.
 *
 * <pre>{@code
 * TcpOptions options = TcpOptions.DEFAULT.withTls(
 *         TcpTls.server(serverKey, serverCert), TcpTls.client(caCert));
 * Parley parley = Parley.builder().transport(new TcpTransportProvider(options)).build();
 * }</pre>
 */
public final class TcpTls {

    private TcpTls() {
    }

    /** A server presenting {@code chain} (its certificate first). */
    public static SslContext server(PrivateKey key, X509Certificate... chain) {
        return build(SslContextBuilder.forServer(key, chain));
    }

    /** A client trusting servers whose certificates {@code trusted} signed. */
    public static SslContext client(X509Certificate... trusted) {
        return build(SslContextBuilder.forClient().trustManager(trusted));
    }

    /** A server presenting {@code chain} and requiring a client certificate signed by {@code trusted}. */
    public static SslContext mutualServer(PrivateKey key, X509Certificate[] chain, X509Certificate... trusted) {
        return build(SslContextBuilder.forServer(key, chain).trustManager(trusted).clientAuth(ClientAuth.REQUIRE));
    }

    /** A client presenting {@code chain} and trusting servers signed by {@code trusted}. */
    public static SslContext mutualClient(PrivateKey key, X509Certificate[] chain, X509Certificate... trusted) {
        return build(SslContextBuilder.forClient().keyManager(key, chain).trustManager(trusted));
    }

    private static SslContext build(SslContextBuilder builder) {
        try {
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }
}
