package dev.parley.broker.kafka;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How {@code kafka://} creates topics and configures its clients. Immutable; every default is here and in
 * docs/defaults.md. The delivery rules (attempts, backoff, prefetch, deduplication) are
 * {@link dev.parley.messaging.MessagingOptions}, the same on every broker.
 *
 * <p>An address may override these in its query: {@code partitions}, {@code replication-factor},
 * {@code group-protocol}, {@code commit-interval-ms}, and any Kafka client property (a name with a dot, e.g.
 * {@code kafka://b1:9092,b2:9092/trips?security.protocol=SSL}).
 *
 * @param partitions partitions of the queue and event topics Parley creates (default 8): the most members of
 *        one group that can work at once
 * @param replicationFactor replicas of each topic Parley creates; -1 (the default) takes the broker's
 *        {@code default.replication.factor}
 * @param groupProtocol the consumer group protocol: {@code consumer} (KIP-848, the default; Kafka 4.0 or newer)
 *        or {@code classic}
 * @param replyRetention how long a reply topic keeps replies (default 1 h): a reply topic outlives a client
 *        that crashed, and its replies need not
 * @param commitInterval how often a consumer commits the offsets of what its handlers acknowledged (default
 *        100 ms; zero commits after every poll). Offsets are also committed when a consumer closes and before
 *        it gives partitions up in a rebalance; a consumer that crashes has its last interval's acknowledged
 *        messages delivered again (at least once), so a longer interval means fewer commit requests and more
 *        repeats after a crash
 * @param clientProperties Kafka client properties given to the producer, the consumers and the admin client
 *        (security, timeouts, batching); Parley's own guarantees ({@code acks=all}, idempotence, manual
 *        commits) cannot be turned off through them
 */
public record KafkaOptions(int partitions, short replicationFactor, String groupProtocol, Duration replyRetention,
        Duration commitInterval, Map<String, String> clientProperties) {

    private static final Set<String> PROTOCOLS = Set.of("consumer", "classic");

    /** The defaults. */
    public static final KafkaOptions DEFAULT = new KafkaOptions(8, (short) -1, "consumer", Duration.ofHours(1),
            Duration.ofMillis(100), Map.of());

    public KafkaOptions {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions: " + partitions + " (expected: >= 1)");
        }
        if (replicationFactor < 1 && replicationFactor != -1) {
            throw new IllegalArgumentException("replicationFactor: " + replicationFactor + " (expected: >= 1, or -1)");
        }
        requireNonNull(groupProtocol, "groupProtocol");
        if (!PROTOCOLS.contains(groupProtocol)) {
            throw new IllegalArgumentException("groupProtocol: '" + groupProtocol + "' (expected: consumer or classic)");
        }
        requireNonNull(replyRetention, "replyRetention");
        if (replyRetention.isNegative() || replyRetention.isZero()) {
            throw new IllegalArgumentException("replyRetention: " + replyRetention + " (expected: > 0)");
        }
        requireNonNull(commitInterval, "commitInterval");
        if (commitInterval.isNegative()) {
            throw new IllegalArgumentException("commitInterval: " + commitInterval + " (expected: >= 0)");
        }
        clientProperties = Map.copyOf(clientProperties);
    }

    public KafkaOptions withPartitions(int n) {
        return new KafkaOptions(n, replicationFactor, groupProtocol, replyRetention, commitInterval, clientProperties);
    }

    public KafkaOptions withReplicationFactor(short n) {
        return new KafkaOptions(partitions, n, groupProtocol, replyRetention, commitInterval, clientProperties);
    }

    public KafkaOptions withGroupProtocol(String protocol) {
        return new KafkaOptions(partitions, replicationFactor, protocol, replyRetention, commitInterval,
                clientProperties);
    }

    public KafkaOptions withReplyRetention(Duration d) {
        return new KafkaOptions(partitions, replicationFactor, groupProtocol, d, commitInterval, clientProperties);
    }

    public KafkaOptions withCommitInterval(Duration d) {
        return new KafkaOptions(partitions, replicationFactor, groupProtocol, replyRetention, d, clientProperties);
    }

    /** A copy with Kafka client property {@code name} set, e.g. {@code "security.protocol", "SSL"}. */
    public KafkaOptions withClientProperty(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(clientProperties);
        copy.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
        return new KafkaOptions(partitions, replicationFactor, groupProtocol, replyRetention, commitInterval, copy);
    }

    /** These options with the overrides in {@code broker}'s query applied; an unknown name is refused. */
    public KafkaOptions with(URI broker) {
        String query = broker.getRawQuery();
        if (query == null || query.isEmpty()) {
            return this;
        }
        KafkaOptions o = this;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            o = switch (name) {
                case "partitions" -> o.withPartitions(number(broker, name, value));
                case "replication-factor" -> o.withReplicationFactor((short) number(broker, name, value));
                case "group-protocol" -> o.withGroupProtocol(value);
                case "commit-interval-ms" -> o.withCommitInterval(Duration.ofMillis(number(broker, name, value)));
                default -> {
                    if (!name.contains(".")) {
                        throw new IllegalArgumentException("address '" + broker + "': unknown option '" + name
                                + "' (expected: partitions, replication-factor, group-protocol, commit-interval-ms"
                                + " or a Kafka client property such as security.protocol)");
                    }
                    yield o.withClientProperty(name, value);
                }
            };
        }
        return o;
    }

    private static int number(URI broker, String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address '" + broker + "': " + name + "='" + value
                    + "' (expected: a number)", e);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
