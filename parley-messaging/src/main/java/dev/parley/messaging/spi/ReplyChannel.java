package dev.parley.messaging.spi;

/**
 * A channel replies come back on, private to one runtime: a temporary queue (Artemis), direct reply-to
 * (RabbitMQ), a reply topic per client instance (Kafka). Parley opens at most one per broker and runtime and
 * matches replies to requests by {@code parley-correlation-id}.
 */
public interface ReplyChannel extends AutoCloseable {

    /**
     * What a request carries in {@code parley-reply-to}; a reply sent to {@code new Destination.ReplyTo(address)}
     * arrives at this channel's handler. Opaque to Parley (the broker may rewrite it in transit, as RabbitMQ's
     * direct reply-to does, as long as the responder's {@link Delivery#message()} shows the address to send to).
     */
    String address();

    /** Stops receiving replies; idempotent. */
    @Override
    void close();
}
