package dev.parley.broker.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.Parley;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import dev.parley.messaging.Channels;
import dev.parley.messaging.MessagingHeaders;
import dev.parley.messaging.MessagingOptions;
import dev.parley.messaging.spi.Broker;
import dev.parley.messaging.spi.Declaration;
import dev.parley.messaging.spi.Destination;
import dev.parley.testkit.kafka.KafkaBroker;
import dev.parley.testkit.kafka.KafkaBrokerExtension;
import dev.parley.testkit.messaging.MessagingSuiteContracts.Order;
import dev.parley.testkit.messaging.MessagingSuiteContracts.Orders;
import dev.parley.testkit.messaging.MessagingSuiteContracts.Receipt;
import dev.parley.time.Scheduler;
import dev.parley.transport.TransportContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What {@code kafka://} adds on Kafka: per-key order through retries, reply topics that go away, and commits
 * paced by the commit interval.
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaKeyOrderTest {

    private static final MessagingOptions QUICK = MessagingOptions.DEFAULT
            .withBackoff(Duration.ofMillis(20), Duration.ofMillis(100)).withPrefetch(32);

    @Test
    void messagesWithOneKeyAreHandledInOrderEvenWhenEarlierOnesAreRetried(KafkaBroker kafka) throws Exception {
        String address = kafka.uri() + "/keyed-" + UUID.randomUUID();
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        Orders handler = new Unsupported() {
            @Override
            public void record(Order order) {
                // Every third message fails its first attempt: without per-key order the next one would overtake it.
                if (order.amount() % 3 == 0 && failedOnce.add(order.id())) {
                    throw new IllegalStateException("first attempt of " + order.id());
                }
                seen.computeIfAbsent(order.id(), k -> new CopyOnWriteArrayList<>()).add(order.amount());
            }
        };
        int keys = 4;
        int perKey = 15;
        try (Parley server = runtime("keyed-server"); Broker raw = raw(address)) {
            server.serve(Orders.class, handler, address);
            Destination.Queue queue = Channels.requestQueue(URI.create(address));
            raw.declare(new Declaration(queue, Channels.deadLetter(queue), QUICK.maxAttempts()));
            for (int i = 0; i < perKey; i++) {
                for (int k = 0; k < keys; k++) {
                    raw.send(queue, record("key-" + k, i)).toCompletableFuture().join();
                }
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> seen.values().stream().mapToInt(List::size).sum() == keys * perKey);
        }
        assertThat(seen).hasSize(keys);
        seen.values().forEach(amounts -> assertThat(amounts).isSorted().hasSize(perKey));
    }

    @Test
    void aClosedRuntimeDeletesItsReplyTopic(KafkaBroker kafka) throws Exception {
        String address = kafka.uri() + "/replies-" + UUID.randomUUID();
        try (Parley server = runtime("reply-server")) {
            server.serve(Orders.class, new Unsupported() {
                @Override
                public Receipt place(Order order) {
                    return new Receipt(order.id(), "server");
                }
            }, address);
            try (Parley client = runtime("reply-client-" + UUID.randomUUID().toString().substring(0, 8))) {
                assertThat(client.client(Orders.class, address).place(new Order("o-1", 1)).by()).isEqualTo("server");
                assertThat(replyTopics(kafka)).isNotEmpty();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> replyTopics(kafka).isEmpty());
    }

    @Test
    void acknowledgedOffsetsWaitForTheCommitIntervalAndAreCommittedWhenTheConsumerCloses(KafkaBroker kafka)
            throws Exception {
        String address = kafka.uri() + "/paced-" + UUID.randomUUID();
        Destination.Queue queue = Channels.requestQueue(URI.create(address));
        Set<String> handled = ConcurrentHashMap.newKeySet();
        KafkaTransportProvider hourly = new KafkaTransportProvider(
                KafkaOptions.DEFAULT.withPartitions(4).withCommitInterval(Duration.ofHours(1)), QUICK);
        int count = 10;
        try (Broker raw = raw(address)) {
            try (Parley server = Parley.builder().instance("paced-server").transport(hourly).build()) {
                server.serve(Orders.class, new Unsupported() {
                    @Override
                    public void record(Order order) {
                        handled.add(order.id());
                    }
                }, address);
                for (int i = 0; i < count; i++) {
                    raw.send(queue, record("order-" + i, i)).toCompletableFuture().join();
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == count);
                // Absence needs a window: with commits after every poll they would show within ~0.2 s.
                await("nothing committed before the interval passes").during(Duration.ofSeconds(1))
                        .atMost(Duration.ofSeconds(3)).until(() -> committed(kafka, queue.name()) == 0);
            }
            assertThat(committed(kafka, queue.name())).as("committed when the consumer closed").isEqualTo(count);
        }
    }

    /** The offsets {@code group} committed, summed over the partitions. */
    private static long committed(KafkaBroker kafka, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .filter(o -> o != null).mapToLong(o -> o.offset()).sum();
        }
    }

    private static Set<String> replyTopics(KafkaBroker kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get();
            names.removeIf(n -> !n.startsWith("parley-replies.reply-client-"));
            return names;
        }
    }

    private static Message record(String key, int i) {
        Headers h = Headers.of(HeaderNames.MESSAGE_ID, UUID.randomUUID().toString(), HeaderNames.CONTRACT,
                "msuite-orders", HeaderNames.VERSION, "1.0", HeaderNames.OPERATION, "record",
                HeaderNames.ONE_WAY, "true", HeaderNames.CONTENT_TYPE, "application/json", MessagingHeaders.KEY, key);
        return Message.of(h, ("{\"id\":\"" + key + "\",\"amount\":" + i + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static Parley runtime(String name) {
        return Parley.builder().instance(name).transport(provider()).build();
    }

    private static KafkaTransportProvider provider() {
        return new KafkaTransportProvider(KafkaOptions.DEFAULT.withPartitions(4), QUICK);
    }

    private static Broker raw(String address) {
        return provider().connect(Channels.broker(URI.create(address)),
                new TransportContext(Scheduler.system(), Executors.newVirtualThreadPerTaskExecutor(), "raw"));
    }

    private abstract static class Unsupported implements Orders {
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
            throw new UnsupportedOperationException();
        }
    }
}
