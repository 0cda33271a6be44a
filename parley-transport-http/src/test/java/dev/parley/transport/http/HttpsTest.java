package dev.parley.transport.http;

import dev.parley.testkit.NettyLeakCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.testkit.FreePorts;
import dev.parley.transport.http.TripsApi.NewTrip;
import dev.parley.transport.http.TripsApi.TripId;
import dev.parley.transport.http.TripsApi.TripStore;
import dev.parley.transport.http.TripsApi.Trips;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code https://}: HTTP/1.1 over TLS, the client checking the server's certificate and host name. */
@ExtendWith(NettyLeakCheck.class)
class HttpsTest {

    @TempDir
    Path dir;

    private static X509Bundle ca(String name) throws Exception {
        return new CertificateBuilder().subject("CN=" + name).setIsCertificateAuthority(true).buildSelfSigned();
    }

    private static SslContext server(X509Bundle ca) throws Exception {
        X509Bundle cert = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost")
                .addExtendedKeyUsageServerAuth().buildIssuedBy(ca);
        return SslContextBuilder.forServer(cert.getKeyPair().getPrivate(), cert.getCertificatePath()).build();
    }

    private static SslContext client(X509Bundle ca) throws Exception {
        return SslContextBuilder.forClient().trustManager(ca.getCertificate()).build();
    }

    @Test
    void aClientThatTrustsTheServersCaCallsItAndCurlToo() throws Exception {
        X509Bundle ca = ca("Parley test CA");
        String address = "https://localhost:" + FreePorts.next();
        HttpOptions tls = HttpOptions.DEFAULT.withTls(server(ca), client(ca));
        try (Parley server = Parley.builder().transport(new HttpTransportProvider(tls)).build();
                Parley client = Parley.builder().transport(new HttpTransportProvider(tls)).build()) {
            server.serve(Trips.class, new TripStore(), address);
            Trips trips = client.client(Trips.class, address);
            assertThat(trips.create(new NewTrip("ann", "Oslo")).id()).isEqualTo("t-1");
            assertThat(trips.get(new TripId("t-1")).passenger()).isEqualTo("ann");

            Path pem = dir.resolve("ca.pem");
            Files.writeString(pem, ca.getCertificatePEM());
            Process curl = new ProcessBuilder("curl", "-s", "--max-time", "20", "--cacert", pem.toString(),
                    address + "/v1/trips/t-1").redirectErrorStream(true).start();
            String body = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(body).contains("\"passenger\":\"ann\"");
        }
    }

    @Test
    void aClientThatDoesNotTrustTheServerFailsWithUnavailable() throws Exception {
        String address = "https://localhost:" + FreePorts.next();
        try (Parley server = Parley.builder()
                        .transport(new HttpTransportProvider(HttpOptions.DEFAULT.withTls(server(ca("Real CA")), null)))
                        .build();
                Parley client = Parley.builder()
                        .transport(new HttpTransportProvider(HttpOptions.DEFAULT.withTls(null, client(ca("Other CA")))))
                        .build()) {
            server.serve(Trips.class, new TripStore(), address);
            Trips trips = client.client(Trips.class, address);
            assertThatThrownBy(() -> trips.get(new TripId("t-1"))).isInstanceOfSatisfying(ParleyException.class, e -> {
                assertThat(e.status()).isEqualTo(Status.UNAVAILABLE);
                assertThat(e.getMessage()).contains("TLS handshake failed");
            });
        }
    }

    @Test
    void httpsWithoutTlsSettingsIsRefusedNamingWhatIsMissing() {
        try (Parley server = Parley.builder().build()) {
            assertThatThrownBy(() -> server.serve(Trips.class, new TripStore(), "https://localhost:" + FreePorts.next()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("HttpOptions.withTls");
        }
    }
}
