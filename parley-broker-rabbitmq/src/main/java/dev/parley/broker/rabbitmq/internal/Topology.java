package dev.parley.broker.rabbitmq.internal;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import dev.parley.messaging.spi.Declaration;
import dev.parley.messaging.spi.Destination;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The RabbitMQ objects behind Parley's destinations (docs/messaging.md, "RabbitMQ"), all durable:
 * <ul>
 *   <li>{@code Queue(Q)}: quorum queue {@code Q}, reached through the default exchange;</li>
 *   <li>{@code Topic(T)}: topic exchange {@code T}; events are published with their operation as routing key;</li>
 *   <li>{@code Subscription(T, G)}: quorum queue {@code T.G} bound to exchange {@code T} with {@code #};</li>
 *   <li>a queue's or subscription's dead-letter queue {@code D}: quorum queue {@code D}, bound to the direct
 *       exchange {@value #DEAD_LETTER_EXCHANGE} with routing key {@code D}. Parley moves failed messages there
 *       itself; the source queue also names it as its dead-letter exchange and routing key, with a delivery
 *       limit ({@code x-delivery-limit}), so that a message whose consumers keep dying gets there too.</li>
 * </ul>
 */
final class Topology {

    static final String DEAD_LETTER_EXCHANGE = "parley.dlx";
    static final String TOPIC_BINDING = "#";

    private final int deliveryLimit;

    Topology(int deliveryLimit) {
        this.deliveryLimit = deliveryLimit;
    }

    /** The queue a queue or subscription is consumed from. */
    static String queueOf(Destination destination) {
        return switch (destination) {
            case Destination.Queue q -> q.name();
            case Destination.Subscription s -> s.topic() + "." + s.group();
            default -> throw new IllegalArgumentException(destination + " cannot be consumed (expected: a queue "
                    + "or a subscription)");
        };
    }

    void declare(Channel channel, Declaration declaration) throws IOException {
        switch (declaration.destination()) {
            case Destination.Queue q -> queue(channel, q.name(), declaration);
            case Destination.Topic t -> topic(channel, t.name());
            case Destination.Subscription s -> {
                topic(channel, s.topic());
                String queue = queueOf(s);
                queue(channel, queue, declaration);
                channel.queueBind(queue, s.topic(), TOPIC_BINDING);
            }
            case Destination.ReplyTo r -> throw new IllegalArgumentException(r + " is opened, not declared");
        }
    }

    private static void topic(Channel channel, String name) throws IOException {
        channel.exchangeDeclare(name, BuiltinExchangeType.TOPIC, true);
    }

    private void queue(Channel channel, String name, Declaration declaration) throws IOException {
        Destination.@Nullable Queue deadLetter = declaration.deadLetter();
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("x-queue-type", "quorum");
        if (deadLetter != null) {
            channel.exchangeDeclare(DEAD_LETTER_EXCHANGE, BuiltinExchangeType.DIRECT, true);
            channel.queueDeclare(deadLetter.name(), true, false, false, Map.of("x-queue-type", "quorum"));
            channel.queueBind(deadLetter.name(), DEAD_LETTER_EXCHANGE, deadLetter.name());
            arguments.put("x-delivery-limit", limitAbove(declaration.maxDeliveries()));
            arguments.put("x-dead-letter-exchange", DEAD_LETTER_EXCHANGE);
            arguments.put("x-dead-letter-routing-key", deadLetter.name());
        }
        channel.queueDeclare(name, true, false, false, arguments);
    }

    /**
     * The broker's limit counts returns (the first delivery is not one), Parley's counts deliveries; the
     * broker's must leave Parley room to count first. It is the configured one unless Parley's is higher.
     */
    private int limitAbove(int maxDeliveries) {
        return Math.max(deliveryLimit, maxDeliveries + 2);
    }
}
