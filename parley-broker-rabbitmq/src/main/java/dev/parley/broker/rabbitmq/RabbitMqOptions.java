package dev.parley.broker.rabbitmq;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How Parley uses RabbitMQ, with defaults that are safe for at-least-once delivery. The delivery rules
 * (attempts, backoff, prefetch, deduplication) are {@code MessagingOptions}, the same on every broker.
 *
 * @param deliveryLimit the quorum queues' {@code x-delivery-limit} (20): a message delivered and returned
 *        more often goes to the dead-letter queue even if Parley never saw it fail (a handler that kills its
 *        process, say). Keep it above Parley's own redelivery limit, which dead-letters first, with the error
 * @param confirmTimeout how long a publish waits for the broker's confirm before it fails UNAVAILABLE (10 s)
 * @param connectTimeout TCP connect and AMQP handshake (3 s)
 * @param heartbeat AMQP heartbeat; a dead peer is noticed after about twice this (10 s)
 * @param recoveryInterval how long to wait between attempts to reconnect after a connection is lost (1 s)
 * @param maxMessageBytes the largest body sent or received (4 MiB): a larger send fails INVALID_ARGUMENT before
 *        anything is published; a larger delivery (from another client) closes the consuming connection, and
 *        the delivery limit moves the message to the dead-letter queue after that many tries
 */
public record RabbitMqOptions(int deliveryLimit, Duration confirmTimeout, Duration connectTimeout,
        Duration heartbeat, Duration recoveryInterval, int maxMessageBytes) {

    /** The defaults listed above. */
    public static final RabbitMqOptions DEFAULT = new RabbitMqOptions(20, Duration.ofSeconds(10),
            Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(1), 4 * 1024 * 1024);

    public RabbitMqOptions {
        if (deliveryLimit <= 0) {
            throw new IllegalArgumentException("deliveryLimit: " + deliveryLimit + " (expected: > 0)");
        }
        positive(confirmTimeout, "confirmTimeout");
        positive(connectTimeout, "connectTimeout");
        positive(heartbeat, "heartbeat");
        positive(recoveryInterval, "recoveryInterval");
        if (maxMessageBytes <= 0) {
            throw new IllegalArgumentException("maxMessageBytes: " + maxMessageBytes + " (expected: > 0)");
        }
    }

    public RabbitMqOptions withDeliveryLimit(int newLimit) {
        return new RabbitMqOptions(newLimit, confirmTimeout, connectTimeout, heartbeat, recoveryInterval,
                maxMessageBytes);
    }

    public RabbitMqOptions withMaxMessageBytes(int newMax) {
        return new RabbitMqOptions(deliveryLimit, confirmTimeout, connectTimeout, heartbeat, recoveryInterval, newMax);
    }

    private static void positive(Duration value, String name) {
        requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
    }
}
