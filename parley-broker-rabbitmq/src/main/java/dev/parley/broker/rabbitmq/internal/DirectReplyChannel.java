package dev.parley.broker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.parley.message.Message;
import dev.parley.messaging.spi.Delivery;
import dev.parley.messaging.spi.DeliveryHandler;
import dev.parley.messaging.spi.ReplyChannel;
import dev.parley.time.Scheduler;
import java.io.IOException;
import java.time.Duration;

/**
 * RabbitMQ's direct reply-to: a channel consumes the pseudo-queue {@value #ADDRESS} (no acknowledgements, no
 * queue to declare or delete), and requests published <em>on that channel</em> carrying it as {@code reply_to}
 * reach the responder with a name the broker made up for this channel; replies published to that name come
 * straight back. So the requests that want replies are published here, with their own confirms.
 */
final class DirectReplyChannel implements ReplyChannel {

    static final String ADDRESS = "amq.rabbitmq.reply-to";

    private final Channel channel;
    private final ConfirmingPublisher publisher;

    DirectReplyChannel(Channel channel, DeliveryHandler handler, Scheduler scheduler, Duration confirmTimeout)
            throws IOException {
        this.channel = channel;
        channel.basicConsume(ADDRESS, true, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                handler.onDelivery(new Reply(AmqpMessages.message(properties, body)));
            }
        });
        this.publisher = new ConfirmingPublisher(channel, scheduler, confirmTimeout);
    }

    /** Publishes requests that want their replies here. */
    ConfirmingPublisher publisher() {
        return publisher;
    }

    @Override
    public String address() {
        return ADDRESS;
    }

    @Override
    public void close() {
        publisher.close();
    }

    @Override
    public String toString() {
        return "direct reply-to on channel " + channel.getChannelNumber();
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
