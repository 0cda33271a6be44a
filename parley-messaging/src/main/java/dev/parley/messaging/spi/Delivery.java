package dev.parley.messaging.spi;

import dev.parley.message.Message;

/**
 * One message handed to a consumer, not yet settled. Parley settles each delivery exactly once, with
 * {@link #ack()} or {@link #release()}, from any thread and in any order (a broker that acknowledges by
 * position, such as Kafka, commits only the settled prefix).
 */
public interface Delivery {

    /**
     * The message: every header the sender wrote (standard ones under their {@code parley-...} names,
     * {@code content-type} and {@code traceparent} included) and the body. The broker maps native fields back
     * to these names (e.g. AMQP {@code reply_to} to {@code parley-reply-to}). No deadline object: Parley
     * rebuilds it from the headers.
     */
    Message message();

    /**
     * How many times the broker has delivered this message, 1 the first time: the broker's own count (Artemis
     * delivery count, RabbitMQ {@code x-delivery-count} + 1) where it keeps one, else 1. Parley takes the
     * higher of this and the {@code parley-attempt} header, so a message that crashed its consumer is still
     * dead-lettered once the limit is reached.
     */
    int deliveryCount();

    /** Done with it: the broker removes it (commits its offset). Never throws; failures are logged. */
    void ack();

    /**
     * Not processed here: the broker gives it to a consumer again (this one or another) without dropping it.
     * Used when Parley shuts a consumer down or cannot move a message to the dead-letter channel. A broker
     * that can only redeliver what is unsettled when the consumer closes (Kafka: seek back) may do that.
     * Never throws.
     */
    void release();
}
