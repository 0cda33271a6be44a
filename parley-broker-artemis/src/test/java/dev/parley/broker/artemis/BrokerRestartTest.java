package dev.parley.broker.artemis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.Parley;
import dev.parley.messaging.MessagingOptions;
import dev.parley.testkit.FreePorts;
import dev.parley.testkit.messaging.MessagingSuiteContracts.Order;
import dev.parley.testkit.messaging.MessagingSuiteContracts.Orders;
import dev.parley.testkit.messaging.MessagingSuiteContracts.Receipt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The broker restarted mid-stream loses no acknowledged message: a client sends notifications from several
 * threads over TCP while the (persistent) broker is stopped and started again; every notification whose send
 * returned normally (the broker confirmed it) must reach the server. Duplicates are allowed (at-least-once)
 * and reported.
 */
class BrokerRestartTest {

    private static final int MESSAGES = 600;
    private static final int SENDERS = 4;

    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closeAfter.size() - 1; i >= 0; i--) {
            closeAfter.get(i).close();
        }
    }

    /** Counts every arrival per order id. */
    static final class Counting implements Orders {
        final Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();

        @Override
        public Receipt place(Order order) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Receipt> placeLater(Order order) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void record(Order order) {
            arrivals.computeIfAbsent(order.id(), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    @Test
    void brokerRestartedMidStreamLosesNoAcknowledgedMessage() throws Exception {
        Path dir = Files.createTempDirectory("parley-artemis-restart");
        ArtemisOptions options = ArtemisOptions.DEFAULT.withEmbedded(dir, "127.0.0.1", FreePorts.next());
        EmbeddedArtemis broker = EmbeddedArtemis.start(options);
        closeAfter.add(broker);
        String address = broker.tcpAddress() + "/restart-orders";
        MessagingOptions delivery = MessagingOptions.DEFAULT.withBackoff(Duration.ofMillis(20), Duration.ofMillis(200));

        Counting server = new Counting();
        Parley serving = Parley.builder().instance("restart-server")
                .transport(new ArtemisTransportProvider(options, delivery)).build();
        closeAfter.add(serving);
        serving.serve(Orders.class, server, address);
        Parley calling = Parley.builder().instance("restart-client")
                .transport(new ArtemisTransportProvider(options, delivery)).build();
        closeAfter.add(calling);
        Orders orders = calling.client(Orders.class).at(address).timeout(Duration.ofSeconds(5)).build();

        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch restartAt = new CountDownLatch(MESSAGES / 3);
        ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
        closeAfter.add(senders::shutdownNow);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < SENDERS; t++) {
            running.add(senders.submit(() -> {
                for (int i = next.getAndIncrement(); i < MESSAGES; i = next.getAndIncrement()) {
                    String id = "r-" + i;
                    sent.incrementAndGet();
                    try {
                        orders.record(new Order(id, i));
                        acked.add(id);
                        restartAt.countDown();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        restartAt.await();
        broker.restart();
        for (Future<?> f : running) {
            f.get();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> server.arrivals.keySet().containsAll(acked));
        int received = server.arrivals.values().stream().mapToInt(AtomicInteger::get).sum();
        long duplicated = server.arrivals.values().stream().filter(c -> c.get() > 1).count();
        System.out.printf("broker restart: sent %d, acked %d, failed %d, received %d (%d distinct), %d duplicated%n",
                sent.get(), acked.size(), failed.get(), received, server.arrivals.size(), duplicated);
        assertThat(acked).hasSizeGreaterThan(MESSAGES / 3);
        assertThat(acked.size() + failed.get()).isEqualTo(MESSAGES);
        assertThat(server.arrivals.keySet()).containsAll(acked);
    }
}
