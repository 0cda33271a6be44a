package dev.parley.benchmarks.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.parley.broker.rabbitmq.RabbitMqOptions;
import dev.parley.broker.rabbitmq.RabbitMqTransportProvider;
import dev.parley.messaging.MessagingOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The RabbitMQ side of the messaging benchmarks: the machine's RabbitMQ on 127.0.0.1:5672 (guest), default
 * vhost; nothing is started. Each trial's objects have fresh names and are deleted after it: the raw peer
 * deletes its own, and the Parley peer's (the topic exchange, the group queues and their dead-letter queues,
 * named as docs/messaging.md says) are deleted here. Peers: {@code parley-rabbitmq}, {@code rabbitmq-raw}.
 */
final class RabbitMqBench implements BrokerBench {

    static final String HOST = "127.0.0.1";
    static final int PORT = 5672;

    @Override
    public void start() throws Exception {
        try (Connection probe = factory().newConnection("bench probe")) {
            probe.getServerProperties();
        } catch (Exception e) {
            throw new IllegalStateException("RabbitMQ does not answer on " + HOST + ":" + PORT
                    + " (start it with 'rabbitmq-server -detached')", e);
        }
    }

    static ConnectionFactory factory() {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(HOST);
        f.setPort(PORT);
        return f;
    }

    @Override
    public MessagingPeer peer(String name) throws Exception {
        return switch (name) {
            case "parley-rabbitmq" -> new ParleyCleanup(new ParleyPeer("amqp://guest:guest@" + HOST + ":" + PORT,
                    new RabbitMqTransportProvider(RabbitMqOptions.DEFAULT, MessagingOptions.DEFAULT)));
            case "rabbitmq-raw" -> new RabbitMqRawPeer(factory());
            default -> throw new IllegalArgumentException("unknown peer " + name);
        };
    }

    @Override
    public void stop() {
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (Exception e) {
            // the benchmark is over
        }
    }

    /** The Parley peer, deleting the RabbitMQ objects Parley declared for it once it is closed. */
    private static final class ParleyCleanup implements MessagingPeer {
        private final ParleyPeer parley;
        private final List<String> queues = new ArrayList<>();
        private String exchange = "";

        ParleyCleanup(ParleyPeer parley) {
            this.parley = parley;
        }

        @Override
        public void open(String topic, int groups, Runnable arrived) throws Exception {
            exchange = topic + ".bench-events.v1"; // Channels.topic: NAME.contract-name.vMAJOR
            for (int g = 0; g < groups; g++) {
                queues.add(exchange + ".g" + g);
                queues.add(exchange + ".g" + g + ".dlq");
            }
            parley.open(topic, groups, arrived);
        }

        @Override
        public void publish() throws Exception {
            parley.publish();
        }

        @Override
        public void close() {
            parley.close();
            try (Connection c = factory().newConnection("bench cleanup"); Channel ch = c.createChannel()) {
                for (String q : queues) {
                    ch.queueDelete(q);
                }
                ch.exchangeDelete(exchange);
            } catch (Exception e) {
                // the benchmark is over; the broker keeps what could not be deleted
            }
        }
    }
}
