package dev.parley.messaging.spi;

import dev.parley.message.Message;
import dev.parley.transport.Registration;
import java.util.concurrent.CompletionStage;

/**
 * One connection to one broker (or cluster), made by a {@link dev.parley.messaging.BrokerTransportProvider}
 * for a runtime. This is all a broker module implements; {@code parley-messaging} builds every interaction
 * style and every delivery rule (redelivery with backoff, dead-lettering with the reason, deduplication,
 * deadlines, reply correlation) on it, the same for every broker.
 *
 * <p>Thread-safe: every method may be called from any thread, concurrently.
 *
 * <p>Messages carry {@link dev.parley.message.Headers} (string to string, lower-case names) and a body. A
 * broker carries every header one to one (AMQP headers/properties, Kafka record headers, Artemis message
 * properties) and gives it back under the same name; it may also set its native fields from the standard
 * ones ({@code parley-message-id}, {@code parley-correlation-id}, {@code parley-reply-to}). The optional
 * header {@code parley-key} ({@link dev.parley.messaging.MessagingHeaders#KEY}) is the partition/ordering key
 * where a broker has one (Kafka record key).
 */
public interface Broker extends AutoCloseable {

    /**
     * Makes sure a queue, topic or subscription exists (and its dead-letter queue), creating it durable when it
     * does not; succeeds when it exists already. Blocking; Parley calls it once per destination and runtime,
     * before the first send to or consume from it (a client declares the queue it sends to, so that requests
     * sent before any server runs are kept).
     */
    void declare(Declaration declaration);

    /**
     * Sends {@code message} to a {@link Destination.Queue}, {@link Destination.Topic} or
     * {@link Destination.ReplyTo}. The stage completes once the broker has taken responsibility for it
     * (publisher confirm, {@code acks=all}, a durable send acknowledged): only then does Parley tell a caller
     * that a message was sent, or acknowledge a delivery it forwarded (to a dead-letter queue or as a reply).
     * It fails when the broker refused it or the connection broke before the confirm; it must not block the
     * calling thread for the confirm. Queue and topic messages are persistent; replies need not be.
     */
    CompletionStage<Void> send(Destination destination, Message message);

    /**
     * Starts consuming a {@link Destination.Queue} or {@link Destination.Subscription} with manual
     * acknowledgement, at most {@code prefetch} unsettled deliveries at a time where the broker counts
     * messages (Artemis counts bytes: it may use a window of about {@code prefetch} typical messages).
     * Deliveries not settled when the consumer closes or its connection breaks go back to the broker and
     * are redelivered, to another consumer when there is one.
     *
     * <p>Closing the registration stops new deliveries; Parley closes it only after every delivery it was
     * given has been settled (it releases those it did not start on).
     */
    Registration consume(Destination destination, int prefetch, DeliveryHandler handler);

    /** Opens this runtime's reply channel; replies need no acknowledgement (Parley acks each anyway). */
    ReplyChannel openReplyChannel(DeliveryHandler handler);

    /**
     * For fault tests: drops the connection at once, as a crashed process would, settling nothing; the broker
     * redelivers what was unsettled by its own means. Afterwards every method may fail.
     */
    void abort();

    /** Closes consumers and the connection; unsettled deliveries go back to the broker. Idempotent. */
    @Override
    void close();
}
