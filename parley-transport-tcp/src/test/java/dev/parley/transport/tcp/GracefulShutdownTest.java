package dev.parley.transport.tcp;

import dev.parley.testkit.NettyLeakCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.parley.Contract;
import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.testkit.FreePorts;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Closing a server sends go-away, refuses new calls, and lets calls in flight finish. */
@ExtendWith(NettyLeakCheck.class)
class GracefulShutdownTest {

    record Job(String name) {
    }

    @Contract(name = "drain")
    public interface Worker {
        String work(Job job);

        String quick(Job job);
    }

    @Test
    void inFlightCallsFinishAndNewOnesAreRefused() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String address = "tcp://127.0.0.1:" + FreePorts.next();
        Parley server = Parley.builder().instance("drain-server").build();
        server.serve(Worker.class, new Worker() {
            @Override
            public String work(Job job) {
                started.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    return "interrupted";
                }
                return "done " + job.name();
            }

            @Override
            public String quick(Job job) {
                return "quick " + job.name();
            }
        }, address);
        try (Parley client = Parley.builder().instance("drain-client").build()) {
            Worker worker = client.client(Worker.class, address);
            CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() -> worker.work(new Job("long")));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThatThrownBy(() -> worker.quick(new Job("new")))
                            .isInstanceOfSatisfying(ParleyException.class,
                                    e -> assertThat(e.status()).isEqualTo(Status.UNAVAILABLE)));
            assertThat(closing).isNotDone();
            release.countDown();
            assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo("done long");
            closing.get(10, TimeUnit.SECONDS);
        }
    }
}
