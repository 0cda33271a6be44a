package dev.parley.broker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.parley.message.Message;
import dev.parley.messaging.spi.Delivery;
import dev.parley.messaging.spi.DeliveryHandler;
import dev.parley.messaging.spi.ReplyChannel;
import dev.parley.time.Scheduler;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RabbitMQ's direct reply-to: a channel consumes the pseudo-queue {@value #ADDRESS} (no acknowledgements, no
 * queue to declare or delete), and requests published <em>on that channel</em> carrying it as {@code reply_to}
 * reach the responder with a name the broker made up for this channel; replies published to that name come
 * straight back. So the requests that want replies are published here, with their own confirms.
 */
final class DirectReplyChannel implements ReplyChannel {

    static final String ADDRESS = "amq.rabbitmq.reply-to";

    private static final Logger LOG = LoggerFactory.getLogger(DirectReplyChannel.class);

    /** The channel and the publisher on it; both replaced together. */
    private record Open(Channel channel, ConfirmingPublisher publisher) {
    }

    private final Connection connection;
    private final DeliveryHandler handler;
    private final Scheduler scheduler;
    private final Duration confirmTimeout;
    private volatile Open open;
    private volatile boolean closed;

    DirectReplyChannel(Connection connection, DeliveryHandler handler, Scheduler scheduler, Duration confirmTimeout)
            throws IOException {
        this.connection = connection;
        this.handler = handler;
        this.scheduler = scheduler;
        this.confirmTimeout = confirmTimeout;
        this.open = openChannel();
    }

    private Open openChannel() throws IOException {
        Channel channel = connection.createChannel();
        channel.basicConsume(ADDRESS, true, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                handler.onDelivery(new Reply(AmqpMessages.message(properties, body)));
            }
        });
        return new Open(channel, new ConfirmingPublisher(channel, scheduler, confirmTimeout));
    }

    /**
     * Publishes requests that want their replies here. The broker closes the channel when a request goes out
     * on it before its reply consumer is back (right after a connection recovery: "fast reply consumer does
     * not exist"), and a channel closed by the broker is not recovered; so, with the connection up, a closed
     * channel is replaced by a new one with a new consumer. The request that met the closed channel fails;
     * replies still due to the old channel are lost, and their calls time out.
     */
    ConfirmingPublisher publisher() throws IOException {
        Open o = open;
        if (o.channel().isOpen() || closed || !connection.isOpen()) {
            return o.publisher(); // (while the connection is down, its recovery brings the channel back)
        }
        synchronized (this) {
            o = open;
            if (!o.channel().isOpen() && !closed && connection.isOpen()) {
                LOG.warn("the direct reply-to channel {} was closed by the broker ({}); opening another",
                        o.channel().getChannelNumber(), o.channel().getCloseReason() == null ? "no reason given"
                                : o.channel().getCloseReason().getMessage());
                o.publisher().close();
                o = openChannel();
                open = o;
            }
            return o.publisher();
        }
    }

    @Override
    public String address() {
        return ADDRESS;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            open.publisher().close();
        }
    }

    @Override
    public String toString() {
        return "direct reply-to on channel " + open.channel().getChannelNumber();
    }

    /** Replies arrive acknowledged already (the pseudo-queue is consumed without acks). */
    private record Reply(Message message) implements Delivery {
        @Override
        public int deliveryCount() {
            return 1;
        }

        @Override
        public void ack() {
        }

        @Override
        public void release() {
        }
    }
}
