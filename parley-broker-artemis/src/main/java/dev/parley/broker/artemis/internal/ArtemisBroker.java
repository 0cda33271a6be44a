package dev.parley.broker.artemis.internal;

import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.broker.artemis.ArtemisOptions;
import dev.parley.message.Message;
import dev.parley.messaging.spi.Broker;
import dev.parley.messaging.spi.Declaration;
import dev.parley.messaging.spi.DeliveryHandler;
import dev.parley.messaging.spi.Destination;
import dev.parley.messaging.spi.ReplyChannel;
import dev.parley.transport.Registration;
import dev.parley.transport.TransportContext;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.api.core.ActiveMQAddressExistsException;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQQueueExistsException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.SendAcknowledgementHandler;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.client.impl.ClientSessionFactoryInternal;
import org.jspecify.annotations.Nullable;

/**
 * The broker SPI on the Artemis core client. How Parley's channels map onto Artemis:
 * <ul>
 *   <li>a queue {@code Q}: address {@code Q}, ANYCAST, one durable queue {@code Q} (competing consumers);</li>
 *   <li>a topic {@code T}: address {@code T}, MULTICAST; group {@code G}'s subscription is the durable queue
 *       {@code T.G} on it (members of the group compete on that queue);</li>
 *   <li>the reply channel: a temporary ANYCAST queue {@code parley.reply.<instance>.<random>};</li>
 *   <li>headers: message properties of the same names; sends are asynchronous with the broker's confirm
 *       ({@link SendAcknowledgementHandler}); acknowledgements are individual.</li>
 * </ul>
 * Sessions are single-threaded in Artemis: sends share one session under a lock, each consumer has its own.
 */
public final class ArtemisBroker implements Broker {

    /** How long the broker keeps a silent client's sessions (and unacknowledged deliveries) for it. */
    static final long CONNECTION_TTL_MS = 6_000;

    private final ServerLocator locator;
    private final ClientSessionFactory factory;
    private final ArtemisOptions options;
    private final TransportContext context;
    private final ClientSession sendSession;
    private final ClientProducer producer;
    private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public ArtemisBroker(String url, ArtemisOptions options, TransportContext context) {
        this.options = options;
        this.context = context;
        try {
            locator = ActiveMQClient.createServerLocator(url)
                    .setBlockOnDurableSend(false)
                    .setBlockOnNonDurableSend(false)
                    .setBlockOnAcknowledge(false)
                    .setConfirmationWindowSize(options.sendWindowBytes())
                    .setReconnectAttempts(-1)
                    .setRetryInterval(100)
                    .setRetryIntervalMultiplier(2.0)
                    .setMaxRetryInterval(2_000)
                    .setCallTimeout(10_000)
                    // A send made while the client reconnects waits at most this long, then fails: a caller is
                    // never stuck behind a broker that is down.
                    .setCallFailoverTimeout(5_000)
                    // A client that can reconnect has its sessions kept for it until this TTL runs out, and
                    // with them the deliveries it had not acknowledged: keep it short, so that a crashed
                    // consumer's messages go to another one within seconds (Artemis's default is 60 s).
                    .setConnectionTTL(CONNECTION_TTL_MS)
                    .setClientFailureCheckPeriod(CONNECTION_TTL_MS / 3);
            factory = locator.createSessionFactory();
            sendSession = session();
            producer = sendSession.createProducer();
        } catch (Exception e) {
            throw unavailable("could not connect to Artemis at " + url, e);
        }
    }

    ClientSession session() throws ActiveMQException {
        ClientSession s = factory.createSession(options.user(), options.password(), false, true, true, false, 0);
        s.start();
        return s;
    }

    @Override
    public void declare(Declaration d) {
        try {
            synchronized (sendSession) {
                switch (d.destination()) {
                    case Destination.Queue q -> queue(q.name(), q.name(), RoutingType.ANYCAST, true);
                    case Destination.Topic t -> address(t.name());
                    case Destination.Subscription s -> {
                        address(s.topic());
                        queue(Names.subscriptionQueue(s), s.topic(), RoutingType.MULTICAST, true);
                    }
                    case Destination.ReplyTo r -> throw new IllegalArgumentException("not declarable: " + r);
                }
                if (d.deadLetter() != null) {
                    queue(d.deadLetter().name(), d.deadLetter().name(), RoutingType.ANYCAST, true);
                }
            }
        } catch (ActiveMQException e) {
            throw unavailable("could not declare " + d.destination() + " on Artemis", e);
        }
    }

    private void queue(String name, String address, RoutingType routing, boolean durable) throws ActiveMQException {
        if (sendSession.queueQuery(SimpleString.of(name)).isExists()) {
            return;
        }
        if (routing == RoutingType.MULTICAST) {
            address(address);
        }
        try {
            sendSession.createQueue(QueueConfiguration.of(name).setAddress(address).setRoutingType(routing)
                    .setDurable(durable).setAutoCreateAddress(true));
        } catch (ActiveMQQueueExistsException raced) {
            // Another runtime declared it first: fine.
        }
    }

    private void address(String name) throws ActiveMQException {
        if (sendSession.addressQuery(SimpleString.of(name)).isExists()) {
            return;
        }
        try {
            sendSession.createAddress(SimpleString.of(name), RoutingType.MULTICAST, false);
        } catch (ActiveMQAddressExistsException raced) {
            // Another runtime declared it first: fine.
        }
    }

    @Override
    public CompletionStage<Void> send(Destination destination, Message message) {
        String address = switch (destination) {
            case Destination.Queue q -> q.name();
            case Destination.Topic t -> t.name();
            case Destination.ReplyTo r -> r.address();
            case Destination.Subscription s -> throw new IllegalArgumentException("cannot send to a subscription: " + s);
        };
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        try {
            synchronized (sendSession) {
                ClientMessage m = Messages.toArtemis(sendSession, message, !(destination instanceof Destination.ReplyTo));
                producer.send(SimpleString.of(address), m, new SendAcknowledgementHandler() {
                    @Override
                    public void sendAcknowledged(org.apache.activemq.artemis.api.core.Message sent) {
                        confirmed.complete(null);
                    }

                    @Override
                    public void sendFailed(org.apache.activemq.artemis.api.core.Message sent, Exception e) {
                        confirmed.completeExceptionally(unavailable("Artemis refused the message to " + address, e));
                    }
                });
            }
        } catch (ActiveMQException | RuntimeException e) {
            confirmed.completeExceptionally(unavailable("could not send to " + address + " on Artemis", e));
        }
        return confirmed;
    }

    @Override
    public Registration consume(Destination destination, int prefetch, DeliveryHandler handler) {
        String queue = switch (destination) {
            case Destination.Queue q -> q.name();
            case Destination.Subscription s -> Names.subscriptionQueue(s);
            default -> throw new IllegalArgumentException("cannot consume " + destination);
        };
        try {
            ArtemisConsumer c = new ArtemisConsumer(session(), queue, prefetch, handler);
            open.add(c);
            return () -> {
                open.remove(c);
                c.close();
            };
        } catch (ActiveMQException e) {
            throw unavailable("could not consume " + queue + " on Artemis", e);
        }
    }

    @Override
    public ReplyChannel openReplyChannel(DeliveryHandler handler) {
        String name = "parley.reply." + Names.safe(context.instance()) + "." + UUID.randomUUID();
        try {
            ClientSession s = session();
            s.createQueue(QueueConfiguration.of(name).setAddress(name).setRoutingType(RoutingType.ANYCAST)
                    .setDurable(false).setTemporary(true));
            ArtemisConsumer c = new ArtemisConsumer(s, name, Integer.MAX_VALUE, handler);
            open.add(c);
            return new ReplyChannel() {
                @Override
                public String address() {
                    return name;
                }

                @Override
                public void close() {
                    open.remove(c);
                    c.close();
                }
            };
        } catch (ActiveMQException e) {
            throw unavailable("could not open a reply queue on Artemis", e);
        }
    }

    @Override
    public void abort() {
        closed = true;
        // Drop the connection without closing sessions and without reconnecting: the broker sees a dead
        // connection and gives the unacknowledged deliveries to other consumers.
        if (factory instanceof ClientSessionFactoryInternal internal) {
            internal.setReconnectAttempts(0);
        }
        var connection = factory.getConnection();
        if (connection != null) {
            connection.getTransportConnection().forceClose();
            connection.getTransportConnection().close();
        }
        factory.cleanup();
        locator.close();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
        open.clear();
        factory.close();
        locator.close();
    }

    static ParleyException unavailable(String what, @Nullable Throwable e) {
        return new ParleyException(Status.UNAVAILABLE, what + (e == null ? "" : ": " + e.getMessage()), e);
    }

    @Override
    public String toString() {
        return "artemis(" + locator + ")";
    }
}
