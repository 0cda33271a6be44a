package dev.parley.benchmarks.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

/**
 * kafka-clients used as a careful user would, with the settings that give Parley's Kafka module its guarantees
 * and its latency: an idempotent producer with {@code acks=all} and no linger, a record key per message
 * (records spread over the partitions, as Parley's keyed-by-message-id records do), one consumer group per
 * subscriber group ({@link KafkaBench#GROUP_PROTOCOL}, {@code consumer} unless the probe sets it) committing by
 * hand after each poll's records are handled. Each record is the event written as JSON, and read back on
 * arrival ({@link RawEvent}). Kafka's defaults otherwise: five requests in flight per connection, where Parley
 * allows two; {@code -Dbench.kafka.rawInFlight=N} sets it, so that the comparison can leave that default out
 * (docs/benchmarks.md, messaging). Parley commits at most every 100 ms; {@code -Dbench.kafka.rawCommitMs=N}
 * makes this peer do the same, for the same reason.
 */
final class KafkaRawPeer implements MessagingPeer {

    private static final boolean PARLEY_SHAPED = Boolean.getBoolean("bench.kafka.parleyShaped");
    private static final long COMMIT_NANOS = Long.getLong("bench.kafka.rawCommitMs", 0) * 1_000_000;
    private static final byte[] JSON = "application/json".getBytes(StandardCharsets.UTF_8);

    private final String servers;
    private final int partitions;
    private final KafkaProducer<byte[], byte[]> producer;
    private final List<Thread> consumers = new ArrayList<>();
    private final List<KafkaConsumer<byte[], byte[]>> consumerClients = new ArrayList<>();
    private final AtomicLong keys = new AtomicLong();
    private volatile boolean closed;
    private @Nullable String topic;

    KafkaRawPeer(String servers, int partitions) {
        this.servers = servers;
        this.partitions = partitions;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        Integer inFlight = Integer.getInteger("bench.kafka.rawInFlight");
        if (inFlight != null) {
            config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, inFlight);
        }
        producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void open(String topic, int groups, Runnable arrived) throws Exception {
        this.topic = topic;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all().get();
        }
        for (int g = 0; g < groups; g++) {
            KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    ConsumerConfig.GROUP_ID_CONFIG, topic + ".g" + g,
                    ConsumerConfig.GROUP_PROTOCOL_CONFIG, KafkaBench.GROUP_PROTOCOL,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            consumerClients.add(c);
            consumers.add(Thread.ofPlatform().daemon().name("kafka-raw-g" + g).start(() -> consume(c, topic, arrived)));
        }
    }

    private void consume(KafkaConsumer<byte[], byte[]> consumer, String topic, Runnable arrived) {
        try (consumer) {
            consumer.subscribe(List.of(topic));
            boolean uncommitted = false;
            long lastCommit = System.nanoTime();
            while (!closed) {
                var records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    RawEvent.read(r.value());
                    arrived.run();
                }
                uncommitted |= !records.isEmpty();
                if (uncommitted && System.nanoTime() - lastCommit >= COMMIT_NANOS) {
                    consumer.commitAsync();
                    uncommitted = false;
                    lastCommit = System.nanoTime();
                }
            }
        } catch (WakeupException e) {
            // closing
        }
    }

    @Override
    public void publish() throws Exception {
        producer.send(PARLEY_SHAPED ? parleyShaped() : new ProducerRecord<>(topic, null,
                Long.toString(keys.incrementAndGet()).getBytes(StandardCharsets.UTF_8), RawEvent.body(),
                List.of(new RecordHeader("content-type", JSON)))).get();
    }

    /**
     * A record shaped as Parley's are, for the probe {@code -Dbench.kafka.parleyShaped=true}: keyed by a random
     * UUID, with the five headers a Parley event carries (docs/benchmarks.md, messaging).
     */
    private ProducerRecord<byte[], byte[]> parleyShaped() {
        byte[] id = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(topic, null, id, RawEvent.body(), List.of(
                new RecordHeader("parley-message-id", id),
                new RecordHeader("content-type", JSON),
                new RecordHeader("parley-contract", "bench-events".getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("parley-version", "1.0".getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("parley-operation", "published".getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public void close() {
        closed = true;
        consumerClients.forEach(KafkaConsumer::wakeup);
        for (Thread t : consumers) {
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close(Duration.ofSeconds(5));
    }
}
