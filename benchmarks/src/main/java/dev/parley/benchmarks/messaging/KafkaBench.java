package dev.parley.benchmarks.messaging;

import dev.parley.broker.kafka.KafkaOptions;
import dev.parley.broker.kafka.KafkaTransportProvider;
import dev.parley.messaging.MessagingOptions;
import dev.parley.testkit.kafka.KafkaBroker;
import org.jspecify.annotations.Nullable;

/**
 * The Kafka side of the messaging benchmarks: a real single-node KRaft broker forked per trial from the
 * {@code kafka_2.13} classes in the benchmark jar (the testkit's {@link KafkaBroker}), reached by both peers
 * over loopback. Peers: {@code parley-kafka}, {@code kafka-raw}; both use topics of
 * {@value #PARTITIONS} partitions.
 */
final class KafkaBench implements BrokerBench {

    static final int PARTITIONS = 8;
    /** The consumer group protocol of both peers; a probe: {@code -Dbench.kafka.groupProtocol=classic}. */
    static final String GROUP_PROTOCOL = System.getProperty("bench.kafka.groupProtocol", "consumer");

    private @Nullable KafkaBroker broker;

    @Override
    public void start() {
        broker = KafkaBroker.start();
    }

    @Override
    public MessagingPeer peer(String name) {
        KafkaBroker b = broker;
        if (b == null) {
            throw new IllegalStateException("not started");
        }
        return switch (name) {
            case "parley-kafka" -> new ParleyPeer(b.uri(), new KafkaTransportProvider(
                    KafkaOptions.DEFAULT.withPartitions(PARTITIONS).withGroupProtocol(GROUP_PROTOCOL),
                    MessagingOptions.DEFAULT));
            case "kafka-raw" -> new KafkaRawPeer(b.bootstrapServers(), PARTITIONS);
            default -> throw new IllegalArgumentException("unknown peer " + name);
        };
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
