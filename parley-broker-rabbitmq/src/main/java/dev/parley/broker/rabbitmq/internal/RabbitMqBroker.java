package dev.parley.broker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.parley.NotSentException;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.broker.rabbitmq.RabbitMqOptions;
import dev.parley.message.HeaderNames;
import dev.parley.message.Message;
import dev.parley.messaging.spi.Broker;
import dev.parley.messaging.spi.Declaration;
import dev.parley.messaging.spi.DeliveryHandler;
import dev.parley.messaging.spi.Destination;
import dev.parley.messaging.spi.ReplyChannel;
import dev.parley.transport.Registration;
import dev.parley.transport.TransportContext;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parley's {@link Broker} on RabbitMQ: one connection for publishing (and the reply channel), one for
 * consuming, as RabbitMQ advises (a broker that throttles publishers blocks their connection, and consumers
 * must keep acknowledging meanwhile). Both recover by themselves after the connection is lost, with their
 * channels, consumers and declarations; what was unacknowledged is redelivered by the broker.
 */
public final class RabbitMqBroker implements Broker {

    private static final Logger LOG = LoggerFactory.getLogger(RabbitMqBroker.class);
    private static final int CLOSE_TIMEOUT_MILLIS = 5_000;

    private final BrokerAddress address;
    private final RabbitMqOptions options;
    private final TransportContext context;
    private final Topology topology;
    private final Connection publishing;
    private final Connection consuming;
    private final ConfirmingPublisher publisher;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile @Nullable DirectReplyChannel replies;

    public RabbitMqBroker(BrokerAddress address, RabbitMqOptions options, TransportContext context) {
        this.address = address;
        this.options = options;
        this.context = context;
        this.topology = new Topology(options.deliveryLimit());
        ConnectionFactory factory = address.factory();
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(options.recoveryInterval().toMillis());
        factory.setConnectionTimeout((int) options.connectTimeout().toMillis());
        factory.setHandshakeTimeout((int) options.connectTimeout().toMillis());
        factory.setRequestedHeartbeat((int) Math.max(1, options.heartbeat().toSeconds()));
        factory.setMaxInboundMessageBodySize(options.maxMessageBytes());
        Connection p = null;
        try {
            p = factory.newConnection(address.nodes(), "parley " + context.instance() + " publishing");
            this.publishing = p;
            this.consuming = factory.newConnection(address.nodes(), "parley " + context.instance() + " consuming");
            this.publisher = new ConfirmingPublisher(publishing.createChannel(), context.scheduler(),
                    options.confirmTimeout());
        } catch (IOException | TimeoutException | RuntimeException e) {
            if (p != null) {
                p.abort();
            }
            throw new ParleyException(Status.UNAVAILABLE, "cannot connect to RabbitMQ at " + address + ": " + e, e);
        }
    }

    @Override
    public void declare(Declaration declaration) {
        try {
            Channel channel = publishing.createChannel();
            try {
                topology.declare(channel, declaration);
            } finally {
                closeQuietly(channel);
            }
        } catch (IOException | RuntimeException e) {
            throw new ParleyException(Status.FAILED_PRECONDITION, "cannot declare " + declaration.destination()
                    + " on RabbitMQ at " + address + ": " + reason(e) + (reason(e).contains("PRECONDITION_FAILED")
                    ? " (it exists with other arguments: Parley declares durable quorum queues, with x-delivery-limit "
                    + "and x-dead-letter-exchange " + Topology.DEAD_LETTER_EXCHANGE + " when they have a dead-letter "
                    + "queue; delete the old one or choose another name)" : ""), e);
        }
    }

    @Override
    public CompletionStage<Void> send(Destination destination, Message message) {
        if (message.body().length > options.maxMessageBytes()) {
            return CompletableFuture.failedFuture(new NotSentException(Status.INVALID_ARGUMENT, "a body of "
                    + message.body().length + " bytes is over the limit of " + options.maxMessageBytes()
                    + " (RabbitMqOptions.maxMessageBytes); nothing was sent"));
        }
        @Nullable String replyTo = message.header(HeaderNames.REPLY_TO);
        ConfirmingPublisher via = publisher;
        if (DirectReplyChannel.ADDRESS.equals(replyTo)) {
            DirectReplyChannel r = replies;
            if (r == null) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "a request carrying " + DirectReplyChannel.ADDRESS + " must go out through the reply channel "
                        + "of the same broker connection, and this one has none open"));
            }
            try {
                via = r.publisher();
            } catch (IOException | RuntimeException e) {
                return CompletableFuture.failedFuture(new NotSentException(Status.UNAVAILABLE,
                        "cannot reopen the reply channel on RabbitMQ at " + address + ": " + reason(e), e));
            }
        }
        String id = message.header(HeaderNames.MESSAGE_ID);
        String messageId = id != null ? id : UUID.randomUUID().toString();
        return switch (destination) {
            case Destination.Queue q -> via.publish("", q.name(), true, messageId,
                    properties(message, true, replyTo, id), message.body());
            case Destination.Topic t -> via.publish(t.name(), routingKey(message), false, messageId,
                    properties(message, true, replyTo, id), message.body());
            case Destination.ReplyTo r -> via.publish("", r.address(), false, messageId,
                    properties(message, false, null, id), message.body());
            case Destination.Subscription s -> CompletableFuture.failedFuture(new IllegalArgumentException(
                    s + " is consumed, not sent to: send to its topic"));
        };
    }

    private static AMQP.BasicProperties properties(Message message, boolean persistent, @Nullable String replyTo,
            @Nullable String id) {
        AMQP.BasicProperties p = AmqpMessages.properties(message, persistent, replyTo);
        return id != null ? p : p.builder().messageId(null).build();
    }

    private static String routingKey(Message message) {
        String operation = message.header(HeaderNames.OPERATION);
        return operation == null || operation.isEmpty() ? "event" : operation;
    }

    @Override
    public Registration consume(Destination destination, int prefetch, DeliveryHandler handler) {
        String queue = Topology.queueOf(destination);
        try {
            Channel channel = consuming.createChannel();
            channel.basicQos(prefetch);
            String tag = channel.basicConsume(queue, false, "parley-" + context.instance() + "-" + UUID.randomUUID(),
                    new DefaultConsumer(channel) {
                        @Override
                        public void handleDelivery(String consumerTag, Envelope envelope,
                                AMQP.BasicProperties properties, byte[] body) {
                            handler.onDelivery(new AmqpDelivery(channel, envelope, properties, body));
                        }

                        @Override
                        public void handleCancel(String consumerTag) {
                            LOG.warn("RabbitMQ cancelled the consumer of queue {} (was it deleted?)", queue);
                        }
                    });
            return () -> {
                try {
                    // Also while the connection is down: a recovering channel forgets the consumer (and, closed
                    // below, itself), so recovery does not bring back a consumer that was stopped meanwhile.
                    channel.basicCancel(tag);
                } catch (IOException | RuntimeException e) {
                    LOG.debug("cancelling the consumer of {} failed; closing its channel", queue, e);
                }
                closeQuietly(channel);
            };
        } catch (IOException | RuntimeException e) {
            throw new ParleyException(Status.UNAVAILABLE, "cannot consume queue " + queue + " on RabbitMQ at "
                    + address + ": " + reason(e), e);
        }
    }

    @Override
    public synchronized ReplyChannel openReplyChannel(DeliveryHandler handler) {
        if (replies != null) {
            throw new IllegalStateException("this broker connection has a reply channel already");
        }
        try {
            DirectReplyChannel r = new DirectReplyChannel(publishing, handler, context.scheduler(),
                    options.confirmTimeout());
            replies = r;
            return r;
        } catch (IOException | RuntimeException e) {
            throw new ParleyException(Status.UNAVAILABLE, "cannot open a reply channel on RabbitMQ at " + address
                    + ": " + reason(e), e);
        }
    }

    @Override
    public void abort() {
        publishing.abort();
        consuming.abort();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        DirectReplyChannel r = replies;
        if (r != null) {
            r.close();
        }
        publisher.close();
        closeQuietly(consuming);
        closeQuietly(publishing);
    }

    @Override
    public String toString() {
        return "RabbitMQ " + address;
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException s) {
                return s.getMessage();
            }
        }
        return String.valueOf(e.getMessage());
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close(); // even when not open: a recovering connection then stops recovering the channel
        } catch (IOException | TimeoutException | RuntimeException e) {
            LOG.debug("closing channel {} failed", channel.getChannelNumber(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close(CLOSE_TIMEOUT_MILLIS);
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing connection {} failed", connection, e);
        }
    }
}
