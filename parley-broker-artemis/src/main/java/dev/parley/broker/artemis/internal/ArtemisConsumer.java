package dev.parley.broker.artemis.internal;

import dev.parley.message.Message;
import dev.parley.messaging.spi.Delivery;
import dev.parley.messaging.spi.DeliveryHandler;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer on its own session. Artemis's flow control counts bytes and returns credit when the handler
 * returns, not on acknowledgement, so the prefetch (unsettled deliveries) is held here: the session's
 * delivery thread waits for a permit before handing a message over.
 */
final class ArtemisConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArtemisConsumer.class);

    private final ClientSession session;
    private final ClientConsumer consumer;
    private final Semaphore unsettled;
    private final String queue;
    private volatile boolean closed;

    ArtemisConsumer(ClientSession session, String queue, int prefetch, DeliveryHandler handler) throws ActiveMQException {
        this.session = session;
        this.queue = queue;
        this.unsettled = new Semaphore(prefetch);
        this.consumer = session.createConsumer(queue);
        consumer.setMessageHandler(m -> deliver(m, handler));
    }

    private void deliver(ClientMessage m, DeliveryHandler handler) {
        try {
            unsettled.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Message message;
        try {
            message = Messages.toParley(m);
        } catch (RuntimeException e) {
            LOG.error("message {} on {} cannot be read; it stays unacknowledged", m.getMessageID(), queue, e);
            unsettled.release();
            return;
        }
        handler.onDelivery(new ArtemisDelivery(m, message));
    }

    private final class ArtemisDelivery implements Delivery {
        private final ClientMessage raw;
        private final Message message;
        private final AtomicBoolean settled = new AtomicBoolean();

        ArtemisDelivery(ClientMessage raw, Message message) {
            this.raw = raw;
            this.message = message;
        }

        @Override
        public Message message() {
            return message;
        }

        @Override
        public int deliveryCount() {
            return Math.max(1, raw.getDeliveryCount());
        }

        @Override
        public void ack() {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            unsettled.release();
            if (closed) {
                return;
            }
            try {
                synchronized (session) {
                    raw.individualAcknowledge();
                }
            } catch (ActiveMQException | RuntimeException e) {
                // The broker redelivers it: at-least-once, the consumer may see it again.
                LOG.warn("acknowledging {} on {} failed; it will be redelivered", raw.getMessageID(), queue, e);
            }
        }

        @Override
        public void release() {
            // Artemis gives unacknowledged deliveries back when the consumer closes; until then it stays here.
            if (settled.compareAndSet(false, true)) {
                unsettled.release();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            synchronized (session) {
                consumer.close();
                session.close();
            }
        } catch (ActiveMQException | RuntimeException e) {
            LOG.debug("closing the consumer of {}", queue, e);
        }
    }
}
