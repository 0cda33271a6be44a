package dev.parley.transport.http;

import dev.parley.testkit.NettyLeakCheck;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.testkit.FaultProxy;
import dev.parley.testkit.FreePorts;
import dev.parley.transport.http.TripsApi.Echo;
import dev.parley.transport.http.TripsApi.TripStore;
import dev.parley.transport.http.TripsApi.Trips;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The client's connection pool: a bounded number of keep-alive connections shared by many calls. */
@ExtendWith(NettyLeakCheck.class)
class ConnectionPoolTest {

    @Test
    void manyConcurrentCallsShareAtMostTheConfiguredConnections() throws Exception {
        int port = FreePorts.next();
        HttpOptions two = HttpOptions.DEFAULT.withMaxConnectionsPerEndpoint(2);
        AtomicInteger maxOpen = new AtomicInteger();
        try (Parley server = Parley.builder().build();
                FaultProxy proxy = FaultProxy.to(port, 1);
                Parley client = Parley.builder().transport(new HttpTransportProvider(two)).build();
                var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            server.serve(Trips.class, new TripStore() {
                @Override
                public Echo echo(Echo echo) {
                    maxOpen.accumulateAndGet(proxy.openConnections(), Math::max);
                    return echo;
                }
            }, "http://127.0.0.1:" + port);
            Trips trips = client.client(Trips.class, "http://" + proxy.hostAndPort());
            List<CompletableFuture<Echo>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                calls.add(CompletableFuture.supplyAsync(() -> trips.echo(new Echo("e" + n)), threads));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            for (int i = 0; i < 200; i++) {
                assertThat(calls.get(i).join().text()).isEqualTo("e" + i);
            }
            assertThat(maxOpen.get()).isBetween(1, 2);
            // A connection the server closes is replaced on the next call.
            proxy.resetConnections();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> proxy.openConnections() == 0);
            assertThat(trips.echo(new Echo("again")).text()).isEqualTo("again");
        }
    }
}
