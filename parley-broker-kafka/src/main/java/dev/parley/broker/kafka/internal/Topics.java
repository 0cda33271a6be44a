package dev.parley.broker.kafka.internal;

import dev.parley.broker.kafka.KafkaOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics Parley uses (durable, idempotently) and positions new subscriber groups. */
final class Topics {

    private static final Logger LOG = LoggerFactory.getLogger(Topics.class);
    private static final long ADMIN_TIMEOUT_SECONDS = 30;
    /** How long a new topic may take to reach the brokers' metadata before declaring a group on it fails. */
    private static final Duration METADATA_WAIT = Duration.ofSeconds(15);

    private final Admin admin;
    private final KafkaOptions options;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    Topics(Admin admin, KafkaOptions options) {
        this.admin = admin;
        this.options = options;
    }

    /** A queue: as many partitions as members of its group may work at once. */
    void queue(String name) {
        create(name, options.partitions(), Map.of());
    }

    /** An events topic: read by one group per subscription. */
    void events(String name) {
        create(name, options.partitions(), Map.of());
    }

    /** A dead-letter queue: one partition, so dead letters stay in the order they died in. */
    void deadLetter(String name) {
        create(name, 1, Map.of());
    }

    /** A reply topic: one partition, short retention (a crashed client leaves it behind). */
    void replies(String name) {
        create(name, 1, Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(options.replyRetention().toMillis())));
    }

    void delete(String name) {
        known.remove(name);
        admin.deleteTopics(List.of(name)).all().whenComplete((v, e) -> {
            if (e != null) {
                LOG.debug("deleting reply topic {}: {}", name, e.toString());
            }
        });
    }

    /**
     * A group that has never committed starts at the topic's current end, not its beginning: a subscription
     * receives what is published after it was declared, as on every other broker, even before a member joins.
     * A group that exists (committed offsets or members) is left alone.
     */
    void startGroupAtEnd(String group, String topic) {
        // A topic created a moment ago (here or by another runtime) may not have reached every broker's
        // metadata yet: its partitions are unknown for a little while, so ask again after a short wait.
        long backoffMillis = 20;
        for (long end = System.nanoTime() + METADATA_WAIT.toNanos(); ; backoffMillis = Math.min(backoffMillis * 2, 500)) {
            try {
                tryStartGroupAtEnd(group, topic);
                return;
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > end) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoffMillis));
            }
        }
    }

    private void tryStartGroupAtEnd(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata());
            if (committed.values().stream().anyMatch(Objects::nonNull)) {
                return;
            }
            TopicDescription d = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
            Map<TopicPartition, OffsetSpec> latest = d.partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = get(admin.listOffsets(latest).all());
            Map<TopicPartition, OffsetAndMetadata> start = ends.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
            get(admin.alterConsumerGroupOffsets(group, start).all());
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof GroupNotEmptyException || e.getCause() instanceof UnknownMemberIdException) {
                return; // a member joined meanwhile: the group exists
            }
            throw e;
        }
    }

    private void create(String name, int partitions, Map<String, String> config) {
        if (known.contains(name)) {
            return;
        }
        NewTopic topic = new NewTopic(name, Optional.of(partitions),
                options.replicationFactor() < 0 ? Optional.empty() : Optional.of(options.replicationFactor()))
                .configs(config);
        try {
            get(admin.createTopics(List.of(topic)).all());
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        known.add(name);
    }

    /** Waits for an admin result; failures become IllegalStateException with Kafka's exception as the cause. */
    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka admin request failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka admin request took over " + ADMIN_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

}
