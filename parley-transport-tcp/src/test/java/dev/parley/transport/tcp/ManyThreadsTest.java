package dev.parley.transport.tcp;

import dev.parley.testkit.NettyLeakCheck;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Contract;
import dev.parley.Parley;
import dev.parley.testkit.FreePorts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Regression: many threads calling through one connection at once. Stream ids are taken in one order and
 * must be written in the same order, or the server rightly refuses a stream id that goes backwards and
 * closes the connection under everyone.
 */
@ExtendWith(NettyLeakCheck.class)
class ManyThreadsTest {

    record Text(String value) {
    }

    @Contract(name = "threads")
    public interface Echo {
        String echo(Text t);
    }

    @Test
    void callsFromManyThreadsAtOnceShareAConnectionSafely() throws Exception {
        String address = "tcp://127.0.0.1:" + FreePorts.next();
        try (Parley server = Parley.builder().build(); Parley client = Parley.builder().build();
                ExecutorService threads = Executors.newFixedThreadPool(16)) {
            server.serve(Echo.class, t -> t.value(), address);
            Echo echo = client.client(Echo.class, address);
            echo.echo(new Text("connect"));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < 16; w++) {
                int worker = w;
                workers.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    int ok = 0;
                    for (int i = 0; i < 300; i++) {
                        String v = worker + "/" + i;
                        if (echo.echo(new Text(v)).equals(v)) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            start.countDown();
            int ok = 0;
            for (Future<Integer> f : workers) {
                ok += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(ok).isEqualTo(16 * 300);
        }
    }
}
