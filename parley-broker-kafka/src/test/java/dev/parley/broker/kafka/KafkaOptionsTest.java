package dev.parley.broker.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KafkaOptionsTest {

    @Test
    void theAddressQueryOverridesOptionsAndCarriesClientProperties() {
        KafkaOptions o = KafkaOptions.DEFAULT.with(URI.create(
                "kafka://k1:9092,k2:9092?partitions=3&replication-factor=2&group-protocol=classic"
                        + "&commit-interval-ms=0&security.protocol=SSL"));

        assertThat(o.partitions()).isEqualTo(3);
        assertThat(o.replicationFactor()).isEqualTo((short) 2);
        assertThat(o.groupProtocol()).isEqualTo("classic");
        assertThat(o.commitInterval()).isZero();
        assertThat(KafkaOptions.DEFAULT.commitInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(o.clientProperties()).containsEntry("security.protocol", "SSL");
    }

    @Test
    void anUnknownOptionIsRefusedByName() {
        assertThatThrownBy(() -> KafkaOptions.DEFAULT.with(URI.create("kafka://k1:9092?partitons=3")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option 'partitons'");
        assertThatThrownBy(() -> KafkaOptions.DEFAULT.with(URI.create("kafka://k1:9092?partitions=many")))
                .hasMessageContaining("partitions='many' (expected: a number)");
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(() -> KafkaOptions.DEFAULT.withPartitions(0)).hasMessage("partitions: 0 (expected: >= 1)");
        assertThatThrownBy(() -> KafkaOptions.DEFAULT.withGroupProtocol("eager"))
                .hasMessageContaining("expected: consumer or classic");
        assertThatThrownBy(() -> KafkaOptions.DEFAULT.withCommitInterval(Duration.ofMillis(-1)))
                .hasMessage("commitInterval: PT-0.001S (expected: >= 0)");
    }
}
