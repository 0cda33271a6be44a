package dev.parley.broker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.ShutdownSignalException;
import dev.parley.testkit.rabbitmq.RabbitMq;
import dev.parley.testkit.rabbitmq.RabbitMqExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What Parley relies on in RabbitMQ 3.10 and amqp-client, pinned down against the real broker: if an upgrade
 * changes one of these, this test says which.
 */
@ExtendWith(RabbitMqExtension.class)
class AmqpClientBehaviourTest {

    private static final long WAIT_SECONDS = 10;

    private static RabbitMq rabbit;
    private Connection connection;
    private Channel channel;
    private String prefix = "";

    /** One vhost for the class (a vhost costs two rabbitmqctl runs); each test names its objects apart. */
    @BeforeAll
    static void vhost(RabbitMq broker) {
        rabbit = broker;
    }

    @BeforeEach
    void connect(TestInfo test) throws Exception {
        prefix = test.getTestMethod().orElseThrow().getName() + ".";
        connection = rabbit.connect();
        channel = connection.createChannel();
    }

    /** This test's name for an object. */
    private String n(String name) {
        return prefix + name;
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    @Test
    void aQuorumQueueDeadLettersAMessageRequeuedPastItsDeliveryLimitWithXDeath() throws Exception {
        channel.exchangeDeclare(n("dlx"), "direct", true);
        channel.queueDeclare(n("dlq"), true, false, false, Map.of("x-queue-type", "quorum"));
        channel.queueBind(n("dlq"), n("dlx"), n("work"));
        channel.queueDeclare(n("work"), true, false, false, Map.of("x-queue-type", "quorum", "x-delivery-limit", 2,
                "x-dead-letter-exchange", n("dlx"), "x-dead-letter-routing-key", n("work")));
        publishConfirmed("", n("work"), new AMQP.BasicProperties.Builder().messageId("m1")
                .headers(Map.of("parley-operation", "pay")).build(), "poison");

        BlockingQueue<Delivery> deliveries = consume(channel, n("work"), false);
        for (int attempt = 0; attempt < 3; attempt++) {
            Delivery delivery = deliveries.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(delivery).as("delivery %d", attempt + 1).isNotNull();
            assertThat(delivery.getEnvelope().isRedeliver()).isEqualTo(attempt > 0);
            if (attempt > 0) { // quorum queues count returns in a header
                assertThat(delivery.getProperties().getHeaders()).containsEntry("x-delivery-count", (long) attempt);
            }
            channel.basicNack(delivery.getEnvelope().getDeliveryTag(), false, true);
        }

        Delivery dead = consume(channel, n("dlq"), true).poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(dead).isNotNull();
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("poison");
        assertThat(dead.getProperties().getMessageId()).isEqualTo("m1");
        assertThat(dead.getProperties().getHeaders()).containsKey("parley-operation").containsKey("x-death");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> deaths = (List<Map<String, Object>>) dead.getProperties().getHeaders().get("x-death");
        assertThat(deaths).hasSize(1);
        assertThat(deaths.get(0).get("reason")).hasToString("delivery_limit");
        assertThat(deaths.get(0).get("queue")).hasToString(n("work"));
        assertThat(deliveries.poll(200, TimeUnit.MILLISECONDS)).as("no fourth delivery").isNull();
    }

    @Test
    void aRejectedMessageIsDeadLetteredWithReasonRejected() throws Exception {
        channel.exchangeDeclare(n("dlx"), "direct", true);
        channel.queueDeclare(n("dlq"), true, false, false, Map.of("x-queue-type", "quorum"));
        channel.queueBind(n("dlq"), n("dlx"), n("work"));
        channel.queueDeclare(n("work"), true, false, false, Map.of("x-queue-type", "quorum",
                "x-dead-letter-exchange", n("dlx"), "x-dead-letter-routing-key", n("work")));
        publishConfirmed("", n("work"), new AMQP.BasicProperties(), "bad");

        GetResponse got = channel.basicGet(n("work"), false);
        channel.basicReject(got.getEnvelope().getDeliveryTag(), false);

        Delivery dead = consume(channel, n("dlq"), true).poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(dead).isNotNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> deaths = (List<Map<String, Object>>) dead.getProperties().getHeaders().get("x-death");
        assertThat(deaths.get(0).get("reason")).hasToString("rejected");
    }

    @Test
    void unackedMessagesOfAClosedChannelGoToAnotherConsumerMarkedRedelivered() throws Exception {
        channel.queueDeclare(n("work"), true, false, false, Map.of("x-queue-type", "quorum"));
        for (int i = 0; i < 5; i++) {
            publishConfirmed("", n("work"), new AMQP.BasicProperties(), "m" + i);
        }
        Channel first = connection.createChannel();
        first.basicQos(10);
        BlockingQueue<Delivery> firstGot = consume(first, n("work"), false);
        for (int i = 0; i < 5; i++) {
            assertThat(firstGot.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();
        }
        first.basicAck(1, false); // m0 done; m1..m4 in flight when the consumer dies
        first.close();

        BlockingQueue<Delivery> secondGot = consume(channel, n("work"), false);
        for (int i = 1; i < 5; i++) {
            Delivery delivery = secondGot.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(delivery).isNotNull();
            assertThat(delivery.getEnvelope().isRedeliver()).isTrue();
            assertThat(new String(delivery.getBody(), StandardCharsets.UTF_8)).isEqualTo("m" + i);
            assertThat(delivery.getProperties().getHeaders()).containsEntry("x-delivery-count", 1L);
        }
        assertThat(secondGot.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void prefetchBoundsUnackedDeliveriesPerConsumer() throws Exception {
        channel.queueDeclare(n("work"), true, false, false, Map.of("x-queue-type", "quorum"));
        for (int i = 0; i < 10; i++) {
            publishConfirmed("", n("work"), new AMQP.BasicProperties(), "m" + i);
        }
        channel.basicQos(3);
        BlockingQueue<Delivery> got = consume(channel, n("work"), false);
        Delivery last = null;
        for (int i = 0; i < 3; i++) {
            last = got.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(last).isNotNull();
        }
        assertThat(got.poll(300, TimeUnit.MILLISECONDS)).as("a fourth before any ack").isNull();
        channel.basicAck(last.getEnvelope().getDeliveryTag(), true);
        for (int i = 0; i < 3; i++) {
            assertThat(got.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void directReplyToDeliversTheReplyToTheConsumerOfThePseudoQueue() throws Exception {
        channel.queueDeclare(n("requests"), true, false, false, Map.of("x-queue-type", "quorum"));
        Channel server = connection.createChannel();
        consumeWith(server, n("requests"), delivery -> {
            AMQP.BasicProperties reply = new AMQP.BasicProperties.Builder()
                    .correlationId(delivery.getProperties().getCorrelationId()).build();
            server.basicPublish("", delivery.getProperties().getReplyTo(), reply,
                    ("re:" + new String(delivery.getBody(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            server.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
        });

        BlockingQueue<Delivery> replies = consume(channel, "amq.rabbitmq.reply-to", true); // must be no-ack
        channel.basicPublish("", n("requests"), new AMQP.BasicProperties.Builder()
                .replyTo("amq.rabbitmq.reply-to").correlationId("c-1").build(), "ping".getBytes(StandardCharsets.UTF_8));

        Delivery reply = replies.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(reply).isNotNull();
        assertThat(reply.getProperties().getCorrelationId()).isEqualTo("c-1");
        assertThat(new String(reply.getBody(), StandardCharsets.UTF_8)).isEqualTo("re:ping");
    }

    @Test
    void directReplyToNeedsAConsumerOnThePublishingChannel() throws Exception {
        channel.basicPublish("", n("nowhere"), new AMQP.BasicProperties.Builder().replyTo("amq.rabbitmq.reply-to").build(),
                new byte[0]);
        // The broker closes the channel in answer to the publish; the next call sees the close either as its own
        // failure (the close's signal as the cause) or, when the close came first, as AlreadyClosedException.
        assertThatThrownBy(() -> channel.queueDeclarePassive("amq.rabbitmq.reply-to")).satisfies(e -> {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertThat(root).isInstanceOf(ShutdownSignalException.class).hasMessageContaining("PRECONDITION_FAILED");
        });
    }

    @Test
    void anUnroutableMandatoryMessageIsReturnedBeforeItIsConfirmed() throws Exception {
        channel.exchangeDeclare(n("events"), "topic", true);
        BlockingQueue<Integer> returned = new LinkedBlockingQueue<>();
        channel.addReturnListener(r -> returned.add(r.getReplyCode()));
        channel.confirmSelect();
        channel.basicPublish(n("events"), "no.binding", true, new AMQP.BasicProperties(), new byte[0]);
        channel.waitForConfirmsOrDie(WAIT_SECONDS * 1000);
        assertThat(returned.poll()).isEqualTo(AMQP.NO_ROUTE);
    }

    @Test
    void aQueueRedeclaredWithOtherArgumentsClosesTheChannel() throws Exception {
        channel.queueDeclare(n("work"), true, false, false, Map.of("x-queue-type", "quorum", "x-delivery-limit", 5));
        assertThatThrownBy(() -> channel.queueDeclare(n("work"), true, false, false,
                Map.of("x-queue-type", "quorum", "x-delivery-limit", 6)))
                .rootCause().hasMessageContaining("PRECONDITION_FAILED").hasMessageContaining("x-delivery-limit");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aTopicExchangeGivesEachGroupQueueItsOwnCopy() throws Exception {
        channel.exchangeDeclare(n("events"), "topic", true);
        for (String group : List.of("billing", "audit")) {
            channel.queueDeclare(n("events." + group), true, false, false, Map.of("x-queue-type", "quorum"));
            channel.queueBind(n("events." + group), n("events"), "#");
        }
        publishConfirmed(n("events"), "trip.created", new AMQP.BasicProperties(), "e1");
        for (String group : List.of("billing", "audit")) {
            assertThat(consume(channel, n("events." + group), true).poll(WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();
        }
    }

    private void publishConfirmed(String exchange, String routingKey, AMQP.BasicProperties properties, String body)
            throws Exception {
        channel.confirmSelect();
        channel.basicPublish(exchange, routingKey, properties, body.getBytes(StandardCharsets.UTF_8));
        channel.waitForConfirmsOrDie(WAIT_SECONDS * 1000);
    }

    private static BlockingQueue<Delivery> consume(Channel channel, String queue, boolean autoAck) throws Exception {
        BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
        channel.basicConsume(queue, autoAck, (tag, delivery) -> deliveries.add(delivery), tag -> {});
        return deliveries;
    }

    private interface Handler {
        void handle(Delivery delivery) throws Exception;
    }

    private static void consumeWith(Channel channel, String queue, Handler handler) throws Exception {
        channel.basicConsume(queue, false, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                    throws java.io.IOException {
                try {
                    handler.handle(new Delivery(envelope, properties, body));
                } catch (Exception e) {
                    throw new java.io.IOException(e);
                }
            }
        });
    }
}
