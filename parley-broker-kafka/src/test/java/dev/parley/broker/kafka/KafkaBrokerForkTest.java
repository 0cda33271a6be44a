package dev.parley.broker.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.kafka.KafkaBroker;
import dev.parley.testkit.kafka.KafkaBrokerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit's forked broker: it answers, and a kill and a restart keep what it acknowledged. */
class KafkaBrokerForkTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.dedicated();

    @Test
    void aKilledBrokerRestartsOnTheSamePortWithItsAcknowledgedRecords() throws Exception {
        KafkaBroker broker = KAFKA.broker();
        String topic = "fork-" + UUID.randomUUID();
        try (var producer = producer(broker)) {
            producer.send(new ProducerRecord<>(topic, "k", "before")).get();
        }

        broker.kill();
        assertThat(broker.isRunning()).isFalse();
        broker.restart();

        assertThat(broker.isRunning()).isTrue();
        try (var producer = producer(broker)) {
            producer.send(new ProducerRecord<>(topic, "k", "after")).get();
        }
        assertThat(readAll(broker, topic, 2)).containsExactly("before", "after");
    }

    static KafkaProducer<String, String> producer(KafkaBroker broker) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    static List<String> readAll(KafkaBroker broker, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < end) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
