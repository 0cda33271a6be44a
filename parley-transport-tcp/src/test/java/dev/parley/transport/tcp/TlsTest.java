package dev.parley.transport.tcp;

import dev.parley.testkit.NettyLeakCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.Contract;
import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.testkit.FreePorts;
import dev.parley.transport.tcp.TestCertificates.Identity;
import io.netty.handler.ssl.SslContext;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** TLS and mutual TLS: who is trusted gets through, everyone else gets UNAVAILABLE and a reason. */
@ExtendWith(NettyLeakCheck.class)
class TlsTest {

    record Text(String value) {
    }

    @Contract(name = "secure-echo")
    public interface Echo {
        String echo(Text t);
    }

    private static final Identity CA = TestCertificates.authority("test-ca");
    private static final Identity OTHER_CA = TestCertificates.authority("other-ca");
    private static final Identity SERVER = TestCertificates.leaf(CA, "server", "127.0.0.1");
    private static final Identity WRONG_NAME = TestCertificates.leaf(CA, "server", "other.example");
    private static final Identity CLIENT = TestCertificates.leaf(CA, "client");
    private static final Identity STRANGER = TestCertificates.leaf(OTHER_CA, "stranger");

    private final List<Parley> runtimes = new ArrayList<>();
    private final String address = "tcp://127.0.0.1:" + FreePorts.next();

    @AfterEach
    void close() {
        runtimes.forEach(Parley::close);
    }

    private void serve(@Nullable SslContext tls) {
        Parley server = runtime(tls, null);
        server.serve(Echo.class, t -> "secure " + t.value(), address);
    }

    private Echo client(@Nullable SslContext tls) {
        return runtime(null, tls).client(Echo.class, address);
    }

    private Parley runtime(@Nullable SslContext server, @Nullable SslContext client) {
        Parley p = Parley.builder().transport(new TcpTransportProvider(TcpOptions.DEFAULT.withTls(server, client)))
                .build();
        runtimes.add(p);
        return p;
    }

    private static void refused(Echo echo, String why) {
        assertThatThrownBy(() -> echo.echo(new Text("hi")))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.status()).isEqualTo(Status.UNAVAILABLE))
                .hasMessageContaining(why);
    }

    @Test
    void clientTrustingTheServersCaGetsThrough() {
        serve(TcpTls.server(SERVER.key(), SERVER.chain()));
        assertThat(client(TcpTls.client(CA.certificate())).echo(new Text("hi"))).isEqualTo("secure hi");
    }

    @Test
    void serverSignedBySomeoneElseIsRefused() {
        serve(TcpTls.server(SERVER.key(), SERVER.chain()));
        refused(client(TcpTls.client(OTHER_CA.certificate())), "TLS handshake failed");
    }

    @Test
    void certificateForAnotherHostIsRefused() {
        serve(TcpTls.server(WRONG_NAME.key(), WRONG_NAME.chain()));
        refused(client(TcpTls.client(CA.certificate())), "TLS handshake failed");
    }

    @Test
    void plainClientCannotTalkToATlsServer() {
        serve(TcpTls.server(SERVER.key(), SERVER.chain()));
        refused(client(null), "tcp://127.0.0.1");
    }

    @Test
    void mutualTlsLetsInOnlyClientsTheServerTrusts() {
        serve(TcpTls.mutualServer(SERVER.key(), SERVER.chain(), CA.certificate()));
        Echo trusted = client(TcpTls.mutualClient(CLIENT.key(), CLIENT.chain(), CA.certificate()));
        assertThat(trusted.echo(new Text("hi"))).isEqualTo("secure hi");
        refused(client(TcpTls.client(CA.certificate())), "tcp://127.0.0.1");
        refused(client(TcpTls.mutualClient(STRANGER.key(), STRANGER.chain(), CA.certificate())), "tcp://127.0.0.1");
    }
}
