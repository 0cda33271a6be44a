package dev.parley.benchmarks.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.parley.broker.rabbitmq.RabbitMqOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * amqp-client used as a careful user would, with the settings of Parley's RabbitMQ module: persistent
 * messages on one confirm-mode channel (a confirm per message, tracked by sequence number), a topic exchange
 * with a durable quorum queue per group with a delivery limit and a dead-letter exchange, manual
 * acknowledgements with a prefetch of 64, separate connections for publishing and consuming. So the comparison
 * is of the layers above the client. Each message is the event written as JSON, and read back on arrival
 * ({@link RawEvent}).
 */
final class RabbitMqRawPeer implements MessagingPeer {

    static final int PREFETCH = 64;
    /**
     * Whether the queues get a delivery limit and a dead-letter exchange, as Parley's do (a poison message goes
     * aside instead of coming back for ever); {@code -Dbench.rabbit.rawDeadLetter=false} leaves them out.
     */
    private static final boolean DEAD_LETTER = Boolean.parseBoolean(
            System.getProperty("bench.rabbit.rawDeadLetter", "true"));

    private final Connection publishing;
    private final Connection consuming;
    private final Channel channel;
    private final ConcurrentNavigableMap<Long, CompletableFuture<Void>> outstanding = new ConcurrentSkipListMap<>();
    private final List<String> queues = new ArrayList<>();
    private final AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
            .contentType("application/json").deliveryMode(2).build();
    private String exchange = "";

    RabbitMqRawPeer(ConnectionFactory factory) throws Exception {
        publishing = factory.newConnection("bench raw publishing");
        consuming = factory.newConnection("bench raw consuming");
        channel = publishing.createChannel();
        channel.confirmSelect();
        channel.addConfirmListener((seq, multiple) -> settle(seq, multiple, true),
                (seq, multiple) -> settle(seq, multiple, false));
    }

    private void settle(long seq, boolean multiple, boolean ok) {
        Map<Long, CompletableFuture<Void>> done = multiple ? outstanding.headMap(seq, true)
                : outstanding.subMap(seq, true, seq, true);
        for (CompletableFuture<Void> f : done.values()) {
            if (ok) {
                f.complete(null);
            } else {
                f.completeExceptionally(new IOException("nack"));
            }
        }
        done.clear();
    }

    @Override
    public void open(String topic, int groups, Runnable arrived) throws Exception {
        exchange = topic;
        channel.exchangeDeclare(topic, BuiltinExchangeType.TOPIC, true);
        Map<String, Object> arguments = new HashMap<>(Map.of("x-queue-type", "quorum"));
        if (DEAD_LETTER) {
            String dlq = deadLetter(topic);
            channel.exchangeDeclare(dlq, BuiltinExchangeType.DIRECT, true);
            channel.queueDeclare(dlq, true, false, false, arguments);
            channel.queueBind(dlq, dlq, dlq);
            queues.add(dlq);
            arguments.putAll(Map.of("x-delivery-limit", RabbitMqOptions.DEFAULT.deliveryLimit(),
                    "x-dead-letter-exchange", dlq, "x-dead-letter-routing-key", dlq));
        }
        for (int g = 0; g < groups; g++) {
            String queue = topic + ".g" + g;
            channel.queueDeclare(queue, true, false, false, arguments);
            channel.queueBind(queue, topic, "#");
            queues.add(queue);
            Channel c = consuming.createChannel();
            c.basicQos(PREFETCH);
            c.basicConsume(queue, false, new DefaultConsumer(c) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties p, byte[] b)
                        throws IOException {
                    RawEvent.read(b);
                    arrived.run();
                    c.basicAck(envelope.getDeliveryTag(), false);
                }
            });
        }
    }

    @Override
    public void publish() throws Exception {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        byte[] body = RawEvent.body();
        synchronized (channel) {
            outstanding.put(channel.getNextPublishSeqNo(), confirmed);
            channel.basicPublish(exchange, "published", false, properties, body);
        }
        confirmed.join();
    }

    /** The dead-letter exchange and queue of {@code topic}'s queues. */
    private static String deadLetter(String topic) {
        return topic + ".dead";
    }

    /** Deletes what {@link #open} declared, then closes. */
    @Override
    public void close() {
        try {
            for (String q : queues) {
                channel.queueDelete(q);
            }
            if (!exchange.isEmpty()) {
                channel.exchangeDelete(exchange);
                if (DEAD_LETTER) {
                    channel.exchangeDelete(deadLetter(exchange));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the benchmark is over; the broker keeps what could not be deleted
        }
        RabbitMqBench.closeQuietly(consuming);
        RabbitMqBench.closeQuietly(publishing);
    }
}
