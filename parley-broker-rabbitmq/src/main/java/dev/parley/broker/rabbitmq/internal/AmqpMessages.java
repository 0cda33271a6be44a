package dev.parley.broker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.LongString;
import dev.parley.Status;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import dev.parley.messaging.MessagingHeaders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parley messages to AMQP and back. Every Parley header travels in the AMQP headers table under its own name,
 * as a string, except four that have an AMQP property of their own and travel only there: the message id
 * ({@code message_id}), correlation id ({@code correlation_id}) and content type ({@code content_type}), which
 * the receiver maps back to their Parley names, and {@code parley-reply-to} ({@code reply_to}), because
 * direct reply-to rewrites it in transit: the receiver reads the rewritten one. A header in the table wins
 * over the property, so messages from senders that wrote both read the same.
 */
final class AmqpMessages {

    static final int PERSISTENT = 2;
    static final int TRANSIENT = 1;
    /**
     * Headers that travel as AMQP properties only (reply-to: see above). Not also in the table: each table
     * entry costs the client and the broker work on every message, and the receiver reads these from the
     * properties anyway.
     */
    private static final Set<String> IN_PROPERTIES = Set.of(HeaderNames.REPLY_TO, HeaderNames.MESSAGE_ID,
            HeaderNames.CORRELATION_ID, HeaderNames.CONTENT_TYPE);
    /** The broker's own headers start with this; they are not Parley's. */
    private static final String BROKER_PREFIX = "x-";

    private AmqpMessages() {
    }

    static AMQP.BasicProperties properties(Message message, boolean persistent, @Nullable String replyTo) {
        Headers headers = message.headers();
        Map<String, Object> table = new HashMap<>(headers.size() * 2);
        headers.forEach((name, value) -> {
            if (!IN_PROPERTIES.contains(name)) {
                // A String, not a LongString: amqp-client copies a LongString through a stream and an 8 KiB buffer.
                table.put(name, value);
            }
        });
        return new AMQP.BasicProperties.Builder()
                .headers(table)
                .messageId(headers.get(HeaderNames.MESSAGE_ID))
                .correlationId(headers.get(HeaderNames.CORRELATION_ID))
                .contentType(headers.get(HeaderNames.CONTENT_TYPE))
                .replyTo(replyTo)
                .deliveryMode(persistent ? PERSISTENT : TRANSIENT)
                .build();
    }

    static Message message(AMQP.BasicProperties properties, byte[] body) {
        Headers headers = Headers.empty();
        Map<String, Object> table = properties.getHeaders();
        if (table != null) {
            for (Map.Entry<String, Object> e : table.entrySet()) {
                if (!e.getKey().startsWith(BROKER_PREFIX) && isText(e.getValue())) {
                    headers = headers.with(e.getKey(), e.getValue().toString());
                }
            }
            headers = deadLetteredByTheBroker(headers, table);
        }
        headers = orProperty(headers, HeaderNames.MESSAGE_ID, properties.getMessageId());
        headers = orProperty(headers, HeaderNames.CORRELATION_ID, properties.getCorrelationId());
        headers = orProperty(headers, HeaderNames.CONTENT_TYPE, properties.getContentType());
        if (properties.getReplyTo() != null) {
            headers = headers.with(HeaderNames.REPLY_TO, properties.getReplyTo());
        }
        return Message.of(headers, body);
    }

    /** The broker's quorum-queue delivery limit moved it here, not Parley: say so in Parley's words. */
    private static Headers deadLetteredByTheBroker(Headers headers, Map<String, Object> table) {
        if (headers.get(MessagingHeaders.DEAD_LETTER_STATUS) != null || !(table.get("x-death") instanceof List<?> deaths)
                || deaths.isEmpty() || !(deaths.getFirst() instanceof Map<?, ?> death)) {
            return headers;
        }
        return headers.with(MessagingHeaders.DEAD_LETTER_STATUS, Status.ABORTED.name())
                .with(MessagingHeaders.DEAD_LETTER_REASON, "RabbitMQ dead-lettered it (" + death.get("reason")
                        + ") from queue " + death.get("queue") + "; the delivery limit is a backstop for consumers "
                        + "that die before they settle a message")
                .with(MessagingHeaders.DEAD_LETTER_SOURCE, String.valueOf(death.get("queue")));
    }

    private static boolean isText(@Nullable Object value) {
        return value instanceof LongString || value instanceof String || value instanceof Number
                || value instanceof Boolean;
    }

    private static Headers orProperty(Headers headers, String name, @Nullable String property) {
        return property == null || headers.get(name) != null ? headers : headers.with(name, property);
    }
}
