package dev.parley.transport.tcp;

import dev.parley.testkit.NettyLeakCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.parley.Contract;
import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.testkit.FaultProxy;
import dev.parley.testkit.FreePorts;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** tcp:// through the testkit's fault proxy: each injected fault shows up as the status it should. */
@ExtendWith(NettyLeakCheck.class)
class FaultProxyTest {

    record Text(String value) {
    }

    @Contract(name = "faulty-echo")
    public interface Echo {
        String echo(Text t);

        CompletableFuture<String> hold(Text t);
    }

    private final int port = FreePorts.next();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final Parley server = Parley.builder().build();
    private final Parley client = Parley.builder().build();
    private final FaultProxy proxy = FaultProxy.to(port, 7);

    FaultProxyTest() {
        server.serve(Echo.class, new Echo() {
            @Override
            public String echo(Text t) {
                return t.value();
            }

            @Override
            public CompletableFuture<String> hold(Text t) {
                holding.countDown();
                return new CompletableFuture<>();
            }
        }, "tcp://127.0.0.1:" + port);
    }

    @AfterEach
    void close() {
        proxy.close();
        client.close();
        server.close();
    }

    private Echo echo(Duration timeout) {
        return client.client(Echo.class).at("tcp://" + proxy.hostAndPort()).timeout(timeout).build();
    }

    private static void failsWith(Status status, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ParleyException.class,
                e -> assertThat(e.status()).isEqualTo(status));
    }

    @Test
    void framesSlicedIntoSingleBytesStillDecode() {
        proxy.slice(1);
        Echo echo = echo(Duration.ofSeconds(10));
        for (int i = 0; i < 20; i++) {
            assertThat(echo.echo(new Text("piece " + i))).isEqualTo("piece " + i);
        }
    }

    @Test
    void blackholeRunsIntoTheDeadlineAndHealingRecovers() {
        Echo echo = echo(Duration.ofMillis(300));
        assertThat(echo.echo(new Text("before"))).isEqualTo("before");
        proxy.blackhole(true);
        failsWith(Status.DEADLINE_EXCEEDED, () -> echo.echo(new Text("lost")));
        proxy.heal().resetConnections();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> echo.echo(new Text("after")).equals("after"));
    }

    @Test
    void resetFailsCallsInFlightWithUnavailable() throws Exception {
        CompletableFuture<String> call = echo(Duration.ofSeconds(30)).hold(new Text("x"));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        proxy.resetConnections();
        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(ParleyException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.UNAVAILABLE));
    }

    @Test
    void connectionClosedMidFrameIsUnavailable() {
        proxy.closeAfter(20); // the preface and the start of the first frame
        failsWith(Status.UNAVAILABLE, () -> echo(Duration.ofSeconds(10)).echo(new Text("cut")));
    }

    @Test
    void latencyIsAddedInBothDirections() {
        Echo echo = echo(Duration.ofSeconds(10));
        echo.echo(new Text("connect first"));
        proxy.latency(Duration.ofMillis(50), Duration.ofMillis(10));
        long start = System.nanoTime();
        assertThat(echo.echo(new Text("slow"))).isEqualTo("slow");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }
}
