package dev.parley.messaging.spi;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * What {@link Broker#declare} makes sure exists.
 *
 * @param destination a {@link Destination.Queue}, {@link Destination.Topic} or {@link Destination.Subscription}
 *        (a subscription declares its topic too)
 * @param deadLetter where Parley moves the messages of this queue or subscription that cannot be processed;
 *        declared by the same call (as a plain queue). A broker with a delivery limit of its own (a RabbitMQ
 *        quorum queue, an Artemis address setting) may also route there when its limit is reached;
 *        {@code null} for topics and dead-letter queues themselves
 * @param maxDeliveries the delivery limit Parley applies ({@code MessagingOptions.maxAttempts}); a broker
 *        that enforces one natively should set its own limit <em>above</em> it (Parley counts first and
 *        writes the reason); 0 when not applicable
 */
public record Declaration(Destination destination, Destination.@Nullable Queue deadLetter, int maxDeliveries) {

    public Declaration {
        requireNonNull(destination, "destination");
        if (destination instanceof Destination.ReplyTo) {
            throw new IllegalArgumentException("destination: a reply channel is opened, not declared");
        }
        if (maxDeliveries < 0) {
            throw new IllegalArgumentException("maxDeliveries: " + maxDeliveries + " (expected: >= 0)");
        }
    }

    /** A plain queue or topic: no dead-letter channel, no limit. */
    public static Declaration of(Destination destination) {
        return new Declaration(destination, null, 0);
    }
}
