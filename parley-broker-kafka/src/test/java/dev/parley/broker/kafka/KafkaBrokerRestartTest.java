package dev.parley.broker.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.Parley;
import dev.parley.messaging.MessagingOptions;
import dev.parley.testkit.kafka.KafkaBrokerExtension;
import dev.parley.testkit.messaging.MessagingSuiteContracts.Order;
import dev.parley.testkit.messaging.MessagingSuiteContracts.OrderEvents;
import dev.parley.testkit.messaging.MessagingSuiteContracts.Orders;
import dev.parley.testkit.messaging.MessagingSuiteContracts.Receipt;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The broker is killed (SIGKILL) and restarted while messages flow: every message whose send was
 * acknowledged is received; duplicates (redelivery after a commit lost with the broker) are counted and
 * reported, never lost messages.
 */
class KafkaBrokerRestartTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.dedicated();

    private static final int MESSAGES = 400;

    @Test
    void notificationsAcknowledgedAcrossABrokerCrashAreAllReceived() throws Exception {
        String address = KAFKA.broker().uri() + "/restart-" + UUID.randomUUID();
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        try (Parley server = runtime("server"); Parley client = runtime("client")) {
            server.serve(Orders.class, new Recorder(received), address);
            Orders orders = client.client(Orders.class, address);
            runThroughACrash(i -> orders.record(new Order("o-" + i, i)), received);
        }
    }

    @Test
    void eventsAcknowledgedAcrossABrokerCrashReachTheSubscriberGroup() throws Exception {
        String address = KAFKA.broker().uri() + "/restart-" + UUID.randomUUID();
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        try (Parley subscriber = runtime("subscriber"); Parley publisher = runtime("publisher")) {
            subscriber.subscribe(OrderEvents.class, "billing",
                    (OrderEvents) o -> received.computeIfAbsent(o.id(), k -> new AtomicInteger()).incrementAndGet(),
                    address);
            OrderEvents events = publisher.publisher(OrderEvents.class, address);
            runThroughACrash(i -> events.placed(new Order("o-" + i, i)), received);
        }
    }

    private static void runThroughACrash(IntConsumer send, Map<String, AtomicInteger> received) throws Exception {
        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < MESSAGES; i++) {
                sent.incrementAndGet();
                try {
                    send.accept(i);
                    acked.add("o-" + i);
                } catch (RuntimeException e) {
                    failed.incrementAndGet(); // not acknowledged: it may or may not arrive
                }
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= MESSAGES / 4);
        KAFKA.broker().kill();
        KAFKA.broker().restart();
        sender.get(120, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(90)).until(() -> received.keySet().containsAll(acked));
        long duplicates = received.values().stream().mapToInt(c -> c.get() - 1).sum();
        System.out.printf("broker crash mid-stream: sent %d, acknowledged %d, failed %d, received %d distinct, "
                + "%d duplicates%n", sent.get(), acked.size(), failed.get(), received.size(), duplicates);
        assertThat(sent.get()).isEqualTo(MESSAGES);
        assertThat(acked.size()).as("most sends succeed once the broker is back").isGreaterThan(MESSAGES / 2);
        assertThat(received.keySet()).containsAll(acked);
    }

    private static Parley runtime(String name) {
        return Parley.builder().instance(name).timeout(Duration.ofSeconds(60))
                .transport(new KafkaTransportProvider(KafkaOptions.DEFAULT.withPartitions(4),
                        MessagingOptions.DEFAULT.withBackoff(Duration.ofMillis(20), Duration.ofMillis(200))))
                .build();
    }

    private record Recorder(Map<String, AtomicInteger> received) implements Orders {
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
            received.computeIfAbsent(order.id(), k -> new AtomicInteger()).incrementAndGet();
        }
    }
}
