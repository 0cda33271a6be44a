package dev.parley.transport.http;

import dev.parley.testkit.NettyLeakCheck;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.testkit.FreePorts;
import dev.parley.transport.http.TripsApi.TripId;
import dev.parley.transport.http.TripsApi.TripStore;
import dev.parley.transport.http.TripsApi.Trips;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Closing a server lets the calls in flight finish and answer before the connections close. */
@ExtendWith(NettyLeakCheck.class)
class GracefulShutdownTest {

    @Test
    void aCallInFlightIsAnsweredWhileTheServerCloses() throws Exception {
        int port = FreePorts.next();
        String address = "http://127.0.0.1:" + port;
        TripStore store = new TripStore();
        Parley server = Parley.builder().build();
        try (Parley client = Parley.builder().build()) {
            server.serve(Trips.class, store, address);
            Trips trips = client.client(Trips.class, address);
            CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> trips.slow(new TripId("t-1")));
            assertThat(store.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            // Once it no longer accepts connections the server is draining: the handler still runs, and its
            // answer still goes out on the connection it came in on.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !accepts(port));
            assertThat(call).isNotDone();
            store.release.countDown();
            assertThat(call.get(20, TimeUnit.SECONDS)).isEqualTo("released");
            closing.get(20, TimeUnit.SECONDS);
        } finally {
            server.close();
        }
    }

    private static boolean accepts(int port) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
