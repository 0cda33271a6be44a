package dev.parley.benchmarks.messaging;

import dev.parley.broker.kafka.KafkaOptions;
import dev.parley.broker.kafka.KafkaTransportProvider;
import dev.parley.messaging.MessagingOptions;
import dev.parley.testkit.kafka.KafkaBroker;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /**
     * Server properties on top of the testkit's: one network thread (Kafka's default is three), and then
     * {@code -Dbench.kafka.broker=name=value,...} for probes ({@code num.network.threads=3} gives Kafka's default
     * back). With three network threads on these two cores, each peer's consumers settled, fork by fork, into a
     * cheap or a dear state (two to four times the CPU per message, in the client and in the broker alike), and
     * the paired ratios moved by tens of percent from one fork to the next; with one they did not
     * (docs/benchmarks.md, messaging).
     */
    static final Map<String, String> BROKER_OVERRIDES = overrides(
            "num.network.threads=1," + System.getProperty("bench.kafka.broker", ""));

    private @Nullable KafkaBroker broker;

    @Override
    public void start() {
        broker = KafkaBroker.start(BROKER_OVERRIDES);
    }

    private static Map<String, String> overrides(String spec) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("bench.kafka.broker: expected name=value, got '" + pair + "'");
            }
            overrides.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return overrides;
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
