package dev.parley.broker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Envelope;
import dev.parley.message.Message;
import dev.parley.messaging.spi.Delivery;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One delivery from a consumer's channel, settled on that channel by its delivery tag. */
final class AmqpDelivery implements Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(AmqpDelivery.class);
    /** Quorum queues count how often a message was returned (not the first delivery). */
    private static final String DELIVERY_COUNT = "x-delivery-count";

    private final Channel channel;
    private final long tag;
    private final Message message;
    private final int deliveryCount;

    AmqpDelivery(Channel channel, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        this.channel = channel;
        this.tag = envelope.getDeliveryTag();
        this.message = AmqpMessages.message(properties, body);
        this.deliveryCount = deliveryCount(envelope, properties);
    }

    private static int deliveryCount(Envelope envelope, AMQP.BasicProperties properties) {
        Object returned = properties.getHeaders() == null ? null : properties.getHeaders().get(DELIVERY_COUNT);
        if (returned instanceof Number n) {
            return (int) Math.min(Integer.MAX_VALUE - 1, n.longValue()) + 1;
        }
        return envelope.isRedeliver() ? 2 : 1; // a classic queue only says "not the first time"
    }

    @Override
    public Message message() {
        return message;
    }

    @Override
    public int deliveryCount() {
        return deliveryCount;
    }

    @Override
    public void ack() {
        try {
            channel.basicAck(tag, false);
        } catch (IOException | RuntimeException e) {
            // The channel is gone: the broker redelivers the message, and the idempotent consumer, if on, skips it.
            LOG.debug("ack of delivery {} failed; the broker will redeliver it", tag, e);
        }
    }

    @Override
    public void release() {
        try {
            channel.basicNack(tag, false, true);
        } catch (IOException | RuntimeException e) {
            LOG.debug("release of delivery {} failed; the broker redelivers it anyway", tag, e);
        }
    }
}
