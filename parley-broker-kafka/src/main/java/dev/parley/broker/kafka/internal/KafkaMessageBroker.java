package dev.parley.broker.kafka.internal;

import dev.parley.broker.kafka.KafkaOptions;
import dev.parley.message.Message;
import dev.parley.messaging.spi.Broker;
import dev.parley.messaging.spi.Declaration;
import dev.parley.messaging.spi.DeliveryHandler;
import dev.parley.messaging.spi.Destination;
import dev.parley.messaging.spi.ReplyChannel;
import dev.parley.transport.Registration;
import dev.parley.transport.TransportContext;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SPI's {@link Broker} on Kafka. A queue is a topic read by one consumer group named after it; a topic's
 * subscription is the consumer group {@code TOPIC.GROUP}; a dead-letter queue is a topic like any queue; each
 * runtime has a reply topic of its own. One idempotent producer ({@code acks=all}) sends everything.
 */
public final class KafkaMessageBroker implements Broker {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaMessageBroker.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** How long {@link #consume} waits for the new member's first assignment. */
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    private final ClientConfigs configs;
    private final KafkaOptions options;
    private final String instance;
    private final Admin admin;
    private final Topics topics;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Set<ConsumerLoop> consumers = ConcurrentHashMap.newKeySet();
    private @Nullable ReplyTopic replies; // guarded by this
    private volatile boolean closed;

    public KafkaMessageBroker(String servers, KafkaOptions options, TransportContext context) {
        this.options = options;
        this.instance = context.instance();
        this.configs = new ClientConfigs(servers, options, "parley-" + instance);
        this.admin = Admin.create(configs.admin());
        this.topics = new Topics(admin, options);
        this.producer = new KafkaProducer<>(configs.producer());
    }

    @Override
    public void declare(Declaration declaration) {
        switch (declaration.destination()) {
            case Destination.Queue q -> topics.queue(q.name());
            case Destination.Topic t -> topics.events(t.name());
            case Destination.Subscription s -> {
                topics.events(s.topic());
                topics.startGroupAtEnd(group(s), s.topic());
            }
            case Destination.ReplyTo r -> throw new IllegalArgumentException("a reply channel is not declared: " + r);
        }
        Destination.Queue deadLetter = declaration.deadLetter();
        if (deadLetter != null) {
            topics.deadLetter(deadLetter.name());
        }
    }

    @Override
    public CompletionStage<Void> send(Destination destination, Message message) {
        String topic = switch (destination) {
            case Destination.Queue q -> q.name();
            case Destination.Topic t -> t.name();
            case Destination.ReplyTo r -> r.address();
            case Destination.Subscription s -> throw new IllegalArgumentException("cannot send to a subscription: " + s);
        };
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        try {
            producer.send(Records.toRecord(topic, message), (metadata, e) -> {
                if (e == null) {
                    confirmed.complete(null);
                } else {
                    confirmed.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            confirmed.completeExceptionally(e);
        }
        return confirmed;
    }

    @Override
    public Registration consume(Destination destination, int prefetch, DeliveryHandler handler) {
        String topic;
        String group;
        switch (destination) {
            case Destination.Queue q -> {
                topic = q.name();
                group = q.name();
            }
            case Destination.Subscription s -> {
                topic = s.topic();
                group = group(s);
            }
            default -> throw new IllegalArgumentException("can only consume a queue or a subscription: " + destination);
        }
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(configs.groupConsumer(group, prefetch));
        ConsumerLoop loop = new ConsumerLoop(consumer, topic, group, prefetch, options.commitInterval(), handler);
        consumers.add(loop);
        loop.start(JOIN_TIMEOUT);
        return () -> {
            consumers.remove(loop);
            loop.close();
        };
    }

    @Override
    public synchronized ReplyChannel openReplyChannel(DeliveryHandler handler) {
        if (replies != null) {
            throw new IllegalStateException("the reply channel of " + instance + " is open already");
        }
        String topic = "parley-replies." + safe(instance) + "." + UUID.randomUUID().toString().substring(0, 8);
        topics.replies(topic);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(configs.standaloneConsumer("replies"));
        ReplyTopic r = new ReplyTopic(topic, consumer, handler, () -> {
            synchronized (this) {
                replies = null;
            }
            topics.delete(topic);
        });
        replies = r;
        return r;
    }

    @Override
    public void abort() {
        closed = true;
        consumers.forEach(ConsumerLoop::abort);
        consumers.clear();
        ReplyTopic r;
        synchronized (this) {
            r = replies;
        }
        if (r != null) {
            r.abort();
        }
        producer.close(Duration.ZERO);
        admin.close(Duration.ZERO);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        consumers.forEach(ConsumerLoop::close);
        consumers.clear();
        ReplyTopic r;
        synchronized (this) {
            r = replies;
        }
        if (r != null) {
            r.close();
        }
        try {
            producer.close(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warn("closing the Kafka producer: {}", e.toString());
        }
        admin.close(CLOSE_TIMEOUT);
    }

    /** The consumer group of a subscription: {@code TOPIC.GROUP}, so that group names need not be unique. */
    static String group(Destination.Subscription s) {
        return s.topic() + "." + s.group();
    }

    private static String safe(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    }

    @Override
    public String toString() {
        return "kafka broker of " + instance + " (" + options + ")";
    }
}
