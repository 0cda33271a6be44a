package dev.parley.broker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.parley.NotSentException;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import dev.parley.messaging.Channels;
import dev.parley.messaging.MessagingOptions;
import dev.parley.messaging.spi.Broker;
import dev.parley.messaging.spi.Declaration;
import dev.parley.messaging.spi.Destination;
import dev.parley.testkit.rabbitmq.RabbitMq;
import dev.parley.testkit.rabbitmq.RabbitMqExtension;
import dev.parley.time.Scheduler;
import dev.parley.transport.TransportContext;
import java.net.URI;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The RabbitMQ broker's edges: bad input gets a clear error, and nothing is lost or changed on the broker. */
@ExtendWith(RabbitMqExtension.class)
class RabbitMqBrokerTest {

    private static RabbitMq rabbit;
    private Broker broker;
    private Connection raw;

    /** One vhost for the class; every test uses queue names of its own. */
    @BeforeAll
    static void vhost(RabbitMq broker) {
        rabbit = broker;
    }

    @BeforeEach
    void connect() {
        broker = new RabbitMqTransportProvider(RabbitMqOptions.DEFAULT.withMaxMessageBytes(1024), MessagingOptions.DEFAULT)
                .connect(URI.create(rabbit.uri()), new TransportContext(Scheduler.system(),
                        Executors.newVirtualThreadPerTaskExecutor(), "broker-test"));
        raw = rabbit.connect();
    }

    @AfterEach
    void close() throws Exception {
        broker.close();
        raw.close();
    }

    private static Message message(int bodyBytes) {
        return Message.of(Headers.of(HeaderNames.MESSAGE_ID, "m-" + bodyBytes), new byte[bodyBytes]);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeAnythingIsPublished() throws Exception {
        Destination.Queue queue = new Destination.Queue("limited");
        broker.declare(Declaration.of(queue));

        assertThatThrownBy(() -> broker.send(queue, message(1025)).toCompletableFuture().join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(NotSentException.class)
                .hasMessageContaining("1025 bytes is over the limit of 1024");
        broker.send(queue, message(1024)).toCompletableFuture().join();
        try (Channel channel = raw.createChannel()) {
            assertThat(channel.queueDeclarePassive("limited").getMessageCount()).isEqualTo(1);
        }
    }

    @Test
    void aQueueThatExistsWithOtherArgumentsIsNamedAndLeftAsItIs() throws Exception {
        try (Channel channel = raw.createChannel()) {
            channel.queueDeclare("orders", true, false, false, null); // a classic queue someone made
        }
        Destination.Queue queue = new Destination.Queue("orders");

        assertThatThrownBy(() -> broker.declare(new Declaration(queue, Channels.deadLetter(queue), 5)))
                .isInstanceOf(ParleyException.class)
                .satisfies(e -> assertThat(((ParleyException) e).status()).isEqualTo(Status.FAILED_PRECONDITION))
                .hasMessageContaining("orders").hasMessageContaining("exists with other arguments");
        try (Channel channel = raw.createChannel()) {
            assertThat(channel.queueDeclarePassive("orders").getQueue()).isEqualTo("orders");
        }
    }

    @Test
    void aSendToAQueueThatIsGoneFailsNotFoundInsteadOfVanishing() throws Exception {
        Destination.Queue queue = new Destination.Queue("short-lived");
        broker.declare(Declaration.of(queue));
        try (Channel channel = raw.createChannel()) {
            channel.queueDelete("short-lived");
        }

        assertThatThrownBy(() -> broker.send(queue, message(10)).toCompletableFuture().join())
                .cause().isInstanceOf(NotSentException.class)
                .satisfies(e -> assertThat(((NotSentException) e).status()).isEqualTo(Status.NOT_FOUND))
                .hasMessageContaining("reached no queue");
    }
}
