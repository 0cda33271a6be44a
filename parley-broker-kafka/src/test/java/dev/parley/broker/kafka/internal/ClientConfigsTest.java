package dev.parley.broker.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.broker.kafka.KafkaOptions;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ClientConfigsTest {

    private static ClientConfigs configs(KafkaOptions options) {
        return new ClientConfigs("127.0.0.1:9092", options, "parley-test");
    }

    @Test
    void producerSendsAtOnceWithTwoRequestsInFlight() {
        var c = configs(KafkaOptions.DEFAULT).producer();

        assertThat(c).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0)
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 2)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    @Test
    void theUserMayBatchAndPipelineButNotWeakenTheGuarantees() {
        var c = configs(KafkaOptions.DEFAULT
                .withClientProperty(ProducerConfig.LINGER_MS_CONFIG, "5")
                .withClientProperty(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5")
                .withClientProperty(ProducerConfig.ACKS_CONFIG, "1")
                .withClientProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false")).producer();

        assertThat(c).containsEntry(ProducerConfig.LINGER_MS_CONFIG, "5")
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }
}
