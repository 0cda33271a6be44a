package dev.parley.broker.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.testkit.kafka.KafkaBroker;
import dev.parley.testkit.kafka.KafkaBrokerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the Kafka transport relies on in kafka-clients, checked against the real broker: offsets committed
 * only after a record is handled decide where the next member of the group starts, and the records a
 * member took but never committed go to another member when it leaves.
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaClientBehaviourTest {

    @Test
    void theNextMemberStartsAfterTheLastCommittedOffsetNotAfterTheLastPolledOne(KafkaBroker kafka) throws Exception {
        String topic = topic(kafka, 1);
        send(kafka, topic, 10);
        String group = "g-" + UUID.randomUUID();

        try (var first = consumer(kafka, group)) {
            first.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> polled = pollAtLeast(first, 10);
            ConsumerRecord<String, String> fifth = polled.get(4);
            // Handled five of ten: commit the offset of the next record to read, and leave.
            first.commitSync(Map.of(new TopicPartition(topic, fifth.partition()), new OffsetAndMetadata(fifth.offset() + 1)));
        }
        try (var second = consumer(kafka, group)) {
            second.subscribe(List.of(topic));
            assertThat(pollAtLeast(second, 5)).extracting(ConsumerRecord::value)
                    .containsExactly("m5", "m6", "m7", "m8", "m9");
        }
    }

    @Test
    void recordsAMemberTookButNeverCommittedGoToAnotherMemberWhenItLeaves(KafkaBroker kafka) throws Exception {
        String topic = topic(kafka, 4);
        String group = "g-" + UUID.randomUUID();
        Set<String> seenBySurvivor = ConcurrentHashMap.newKeySet();
        try (var survivor = consumer(kafka, group); var victim = consumer(kafka, group)) {
            survivor.subscribe(List.of(topic));
            victim.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                survivor.poll(Duration.ofMillis(50));
                victim.poll(Duration.ofMillis(50));
                return !survivor.assignment().isEmpty() && !victim.assignment().isEmpty();
            });
            Set<TopicPartition> victimPartitions = victim.assignment();
            send(kafka, topic, 40);

            // The victim takes its share and dies before committing any of it.
            Set<String> takenByVictim = new TreeSet<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                victim.poll(Duration.ofMillis(50)).forEach(r -> takenByVictim.add(r.value()));
                survivor.poll(Duration.ofMillis(50)).forEach(r -> seenBySurvivor.add(r.value()));
                return takenByVictim.size() + seenBySurvivor.size() >= 40;
            });
            assertThat(takenByVictim).isNotEmpty();
            victim.close(Duration.ZERO);

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                survivor.poll(Duration.ofMillis(100)).forEach(r -> seenBySurvivor.add(r.value()));
                return survivor.assignment().containsAll(victimPartitions) && seenBySurvivor.containsAll(takenByVictim);
            });
            assertThat(seenBySurvivor).hasSize(40);
        }
    }

    static String topic(KafkaBroker kafka, int partitions) throws Exception {
        String topic = "learn-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        return topic;
    }

    static void send(KafkaBroker kafka, String topic, int count) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "m" + i));
            }
            producer.flush();
        }
    }

    static KafkaConsumer<String, String> consumer(KafkaBroker kafka, String group) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    static List<ConsumerRecord<String, String>> pollAtLeast(KafkaConsumer<String, String> consumer, int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            return records.size() >= count;
        });
        return records;
    }
}
