package dev.parley.broker.artemis.internal;

import dev.parley.message.Headers;
import dev.parley.message.Message;
import org.apache.activemq.artemis.api.core.ActiveMQBuffer;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;

/** Parley messages to Artemis messages and back: headers as string properties of the same names. */
final class Messages {

    private Messages() {
    }

    static ClientMessage toArtemis(ClientSession session, Message message, boolean durable) {
        ClientMessage m = session.createMessage(durable);
        message.headers().forEach((name, value) -> m.putStringProperty(name, value));
        m.getBodyBuffer().writeBytes(message.body());
        return m;
    }

    static Message toParley(ClientMessage m) {
        Headers h = Headers.empty();
        for (SimpleString name : m.getPropertyNames()) {
            String n = name.toString();
            // Artemis's own properties (_AMQ_...) are not Parley's.
            if (n.startsWith("_") || n.isEmpty()) {
                continue;
            }
            Object value = m.getObjectProperty(name);
            if (value != null) {
                try {
                    h = h.with(n, value.toString());
                } catch (IllegalArgumentException notAHeaderName) {
                    // A property no Parley sender wrote (e.g. from another client): skipped.
                }
            }
        }
        ActiveMQBuffer body = m.getBodyBuffer();
        byte[] bytes = new byte[body.readableBytes()];
        body.readBytes(bytes);
        return Message.of(h, bytes);
    }
}
