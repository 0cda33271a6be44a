package dev.parley.broker.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parley headers to AMQP properties and back (the broker round trip is in the contract suites). */
class AmqpMessagesTest {

    private static final Message EVENT = Message.of(Headers.of(
            HeaderNames.CONTRACT, "orders",
            HeaderNames.VERSION, "1.0",
            HeaderNames.OPERATION, "placed",
            HeaderNames.CONTENT_TYPE, "application/json",
            HeaderNames.MESSAGE_ID, "m-1",
            HeaderNames.CORRELATION_ID, "c-1",
            "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
            "{}".getBytes(StandardCharsets.UTF_8));

    @Test
    void headersWithAnAmqpPropertyTravelOnlyAsThatProperty() {
        AMQP.BasicProperties p = AmqpMessages.properties(EVENT, true, null);

        assertThat(p.getMessageId()).isEqualTo("m-1");
        assertThat(p.getCorrelationId()).isEqualTo("c-1");
        assertThat(p.getContentType()).isEqualTo("application/json");
        assertThat(p.getDeliveryMode()).isEqualTo(AmqpMessages.PERSISTENT);
        assertThat(p.getHeaders()).containsOnlyKeys(HeaderNames.CONTRACT, HeaderNames.VERSION,
                HeaderNames.OPERATION, "traceparent");
        assertThat(p.getHeaders().get(HeaderNames.OPERATION)).hasToString("placed");
    }

    @Test
    void theReceiverSeesEveryHeaderUnderItsParleyName() {
        Message received = AmqpMessages.message(AmqpMessages.properties(EVENT, true, null), EVENT.body());

        assertThat(received.headers().asMap()).isEqualTo(EVENT.headers().asMap());
        assertThat(received.body()).isEqualTo(EVENT.body());
    }

    @Test
    void aHeaderInTheTableWinsOverTheProperty() {
        // As written by senders that put these headers in the table too.
        Map<String, Object> table = new HashMap<>();
        table.put(HeaderNames.MESSAGE_ID, "from-table");
        table.put(HeaderNames.OPERATION, "placed");
        AMQP.BasicProperties p = new AMQP.BasicProperties.Builder().headers(table).messageId("from-property")
                .contentType("application/json").build();

        Message m = AmqpMessages.message(p, new byte[0]);

        assertThat(m.header(HeaderNames.MESSAGE_ID)).isEqualTo("from-table");
        assertThat(m.header(HeaderNames.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(m.header(HeaderNames.OPERATION)).isEqualTo("placed");
    }

    @Test
    void theReplyAddressTravelsAsReplyToOnly() {
        AMQP.BasicProperties p = AmqpMessages.properties(EVENT.withHeader(HeaderNames.REPLY_TO, "amq.rabbitmq.reply-to"),
                true, "amq.rabbitmq.reply-to");

        assertThat(p.getReplyTo()).isEqualTo("amq.rabbitmq.reply-to");
        assertThat(p.getHeaders()).doesNotContainKey(HeaderNames.REPLY_TO);
    }
}
