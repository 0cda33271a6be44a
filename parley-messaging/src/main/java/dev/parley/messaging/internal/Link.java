package dev.parley.messaging.internal;

import dev.parley.message.HeaderNames;
import dev.parley.message.Message;
import dev.parley.messaging.spi.Broker;
import dev.parley.messaging.spi.Declaration;
import dev.parley.messaging.spi.Delivery;
import dev.parley.messaging.spi.Destination;
import dev.parley.messaging.spi.ReplyChannel;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One runtime's connection to one broker: what it has declared, and its reply channel, with the requests
 * waiting for replies by correlation id.
 */
final class Link implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Link.class);

    final Broker broker;
    private final Set<Destination> declared = ConcurrentHashMap.newKeySet();
    private final Map<String, Consumer<Message>> waiting = new ConcurrentHashMap<>();
    private volatile @Nullable ReplyChannel replies;

    Link(Broker broker) {
        this.broker = broker;
    }

    /** Whether {@code d} was declared by this runtime already (so a sender need not build its declaration). */
    boolean declared(Destination d) {
        return declared.contains(d);
    }

    /** Declares a topic once per runtime (a topic has no dead-letter queue); see {@link #declare(Declaration)}. */
    void declare(Destination.Topic t) {
        if (!declared.contains(t)) {
            declare(Declaration.of(t));
        }
    }

    /** Declares once per runtime; a failed declaration is tried again next time. */
    void declare(Declaration d) {
        if (declared.contains(d.destination())) {
            return;
        }
        broker.declare(d);
        declared.add(d.destination());
    }

    /** The reply channel's address, opening the channel on first use. */
    String replyAddress() {
        ReplyChannel r = replies;
        if (r == null) {
            synchronized (this) {
                r = replies;
                if (r == null) {
                    r = broker.openReplyChannel(this::onReply);
                    replies = r;
                }
            }
        }
        return r.address();
    }

    /** Hands replies correlated to {@code messageId} to {@code consumer} until {@link #forget}. */
    void expect(String messageId, Consumer<Message> consumer) {
        waiting.put(messageId, consumer);
    }

    void forget(String messageId) {
        waiting.remove(messageId);
    }

    private void onReply(Delivery d) {
        d.ack();
        Message m = d.message();
        String id = m.header(HeaderNames.CORRELATION_ID);
        Consumer<Message> c = id == null ? null : waiting.get(id);
        if (c == null) {
            // The caller gave up (deadline, cancellation) or this is a duplicate: nothing waits for it.
            LOG.debug("reply {} matches no waiting request; dropped", id);
            return;
        }
        c.accept(m);
    }

    void abort() {
        broker.abort();
    }

    @Override
    public void close() {
        ReplyChannel r = replies;
        if (r != null) {
            r.close();
        }
        broker.close();
    }
}
