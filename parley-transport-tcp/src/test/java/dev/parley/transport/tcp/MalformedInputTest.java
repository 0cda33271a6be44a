package dev.parley.transport.tcp;

import dev.parley.testkit.NettyLeakCheck;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Contract;
import dev.parley.Parley;
import dev.parley.testkit.FreePorts;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad bytes close the connection that sent them and no other: a call in flight on a well-behaved
 * connection finishes, and new calls keep being served.
 */
@ExtendWith(NettyLeakCheck.class)
class MalformedInputTest {

    record Text(String value) {
    }

    @Contract(name = "echo")
    public interface Echo {
        String echo(Text t);

        CompletableFuture<String> hold(Text t);
    }

    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final int port = FreePorts.next();
    private Parley server;
    private Parley client;
    private Echo echo;
    private CompletableFuture<String> inFlight;

    @BeforeEach
    void start() throws Exception {
        server = Parley.builder().instance("malformed-server").build();
        server.serve(Echo.class, new Echo() {
            @Override
            public String echo(Text t) {
                return t.value();
            }

            @Override
            public CompletableFuture<String> hold(Text t) {
                holding.countDown();
                return CompletableFuture.supplyAsync(() -> {
                    await(release);
                    return "held " + t.value();
                });
            }
        }, "tcp://127.0.0.1:" + port);
        client = Parley.builder().instance("malformed-client").build();
        echo = client.client(Echo.class, "tcp://127.0.0.1:" + port);
        inFlight = echo.hold(new Text("across"));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void stop() {
        release.countDown();
        client.close();
        server.close();
    }

    /** The well-behaved client did not notice: its call in flight finishes and a new one works. */
    private void othersUnharmed() throws Exception {
        assertThat(echo.echo(new Text("after"))).isEqualTo("after");
        release.countDown();
        assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo("held across");
    }

    @Test
    void randomBytesCloseOnlyTheirConnection() throws Exception {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        try (RawPeer peer = new RawPeer(port)) {
            peer.send(noise);
            assertThat(peer.closedByServer()).isTrue();
        }
        othersUnharmed();
    }

    @Test
    void frameClaimingTwoGigabytesIsRefusedFromItsLengthAlone() throws Exception {
        try (RawPeer peer = new RawPeer(port)) {
            peer.send(RawPeer.PREFACE).send(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
            assertThat(peer.readPreface()).isEqualTo(RawPeer.PREFACE);
            RawPeer.RawFrame goAway = peer.readFrame();
            assertThat(goAway.type()).isEqualTo(0x07);
            assertThat(goAway.headers()).containsEntry("parley-status", "RESOURCE_EXHAUSTED");
            assertThat(goAway.body()).contains("2147483647").contains("exceeds the limit");
            assertThat(peer.closedByServer()).isTrue();
        }
        othersUnharmed();
    }

    @Test
    void unknownFrameTypeIsAProtocolError() throws Exception {
        try (RawPeer peer = new RawPeer(port)) {
            peer.send(RawPeer.PREFACE).send(RawPeer.frameHeader(8, 0x2a, 1, 0));
            peer.readPreface();
            RawPeer.RawFrame goAway = peer.readFrame();
            assertThat(goAway.type()).isEqualTo(0x07);
            assertThat(goAway.headers()).containsEntry("parley-status", "INVALID_ARGUMENT");
            assertThat(goAway.body()).contains("unknown frame type 0x2a");
            assertThat(peer.closedByServer()).isTrue();
        }
        othersUnharmed();
    }

    @Test
    void truncatedFrameEndsWithItsConnection() throws Exception {
        try (RawPeer peer = new RawPeer(port)) {
            byte[] header = RawPeer.frameHeader(100, 0x01, 1, 0);
            peer.send(RawPeer.PREFACE).send(header).send(new byte[] {1, 2, 3});
            peer.endOutput();
            peer.readPreface();
            assertThat(peer.closedByServer()).isTrue();
        }
        othersUnharmed();
    }

    @Test
    void headerBlockOverrunningItsFrameIsMalformed() throws Exception {
        try (RawPeer peer = new RawPeer(port)) {
            peer.send(RawPeer.PREFACE).send(RawPeer.frameHeader(10, 0x01, 1, 200)).send(new byte[] {0, 0});
            peer.readPreface();
            RawPeer.RawFrame goAway = peer.readFrame();
            assertThat(goAway.headers()).containsEntry("parley-status", "INVALID_ARGUMENT");
            assertThat(goAway.body()).contains("overruns the frame");
        }
        othersUnharmed();
    }

    @Test
    void unsupportedVersionIsToldWhichVersionsExist() throws Exception {
        try (RawPeer peer = new RawPeer(port)) {
            peer.send(new byte[] {'P', 'R', 'L', 'Y', 9, 0, 0, 0});
            assertThat(peer.readPreface()).isEqualTo(RawPeer.PREFACE);
            RawPeer.RawFrame goAway = peer.readFrame();
            assertThat(goAway.headers()).containsEntry("parley-status", "UNIMPLEMENTED");
            assertThat(goAway.body()).contains("version 9").contains("speaks 1.0");
            assertThat(peer.closedByServer()).isTrue();
        }
        othersUnharmed();
    }

    @Test
    void pingIsAnswered() throws Exception {
        try (RawPeer peer = new RawPeer(port)) {
            byte[] ping = RawPeer.frameHeader(16, 0x06, 0, 0);
            peer.send(RawPeer.PREFACE).send(ping).send("12345678".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            peer.readPreface();
            RawPeer.RawFrame pong = peer.readFrame();
            assertThat(pong.type()).isEqualTo(0x06);
            assertThat(pong.body()).isEqualTo("12345678");
        }
        othersUnharmed();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
