package dev.parley.messaging.internal;

import dev.parley.NotSentException;
import dev.parley.Status;
import dev.parley.internal.runtime.Errors;
import dev.parley.message.HeaderNames;
import dev.parley.message.Message;
import dev.parley.messaging.Channels;
import dev.parley.messaging.MessagingOptions;
import dev.parley.messaging.spi.Broker;
import dev.parley.messaging.spi.Declaration;
import dev.parley.messaging.spi.Destination;
import dev.parley.service.Service;
import dev.parley.transport.Registration;
import dev.parley.transport.Transport;
import dev.parley.transport.TransportContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The one messaging {@link Transport}: every interaction style over any {@link Broker}.
 * <ul>
 *   <li>request/response and request/async-response: the request goes to the served address's queue with
 *       {@code parley-reply-to} set to this runtime's reply channel; the reply is matched by correlation id;</li>
 *   <li>notification: the same queue, no reply; the call returns once the broker confirmed it;</li>
 *   <li>publish/subscribe: a topic, one durable subscription per subscriber group;</li>
 *   <li>publish/async-response: the topic, with a reply channel; replies are handed to the collector.</li>
 * </ul>
 * Consumers follow the delivery rules in {@link Inbound}.
 */
public final class MessagingTransport implements Transport {

    private final BiFunction<URI, TransportContext, Broker> connector;
    private final TransportContext ctx;
    private final MessagingOptions options;
    private final Consumer<MessagingTransport> onClose;
    private final String scheme;
    private final Map<URI, Link> links = new ConcurrentHashMap<>();
    private final Set<Inbound> consumers = ConcurrentHashMap.newKeySet();
    /** What publishing without replies returns: nothing to stop listening to. */
    private static final Registration NOT_LISTENING = () -> { };

    public MessagingTransport(BiFunction<URI, TransportContext, Broker> connector, TransportContext ctx,
            MessagingOptions options, Consumer<MessagingTransport> onClose, String scheme) {
        this.connector = connector;
        this.ctx = ctx;
        this.options = options;
        this.onClose = onClose;
        this.scheme = scheme;
    }

    /** Addresses already parsed, so a publish or call does not parse its URI again. */
    private final Map<URI, Link> byAddress = new ConcurrentHashMap<>();
    private final Map<URI, Map<String, Destination.Topic>> topics = new ConcurrentHashMap<>();

    private Link link(URI address) {
        Link l = byAddress.get(address);
        if (l == null) {
            l = links.computeIfAbsent(Channels.broker(address), b -> new Link(connector.apply(b, ctx)));
            byAddress.put(address, l);
        }
        return l;
    }

    private Destination.Topic topic(URI address, String topic) {
        return topics.computeIfAbsent(address, a -> new ConcurrentHashMap<>())
                .computeIfAbsent(topic, t -> Channels.topic(address, t));
    }

    private Declaration withDeadLetter(Destination d) {
        return new Declaration(d, Channels.deadLetter(d), options.maxAttempts());
    }

    @Override
    public Registration serve(URI address, Service handler) {
        Destination.Queue queue = Channels.requestQueue(address);
        Link link = link(address);
        link.declare(withDeadLetter(queue));
        return consume(link, queue, handler);
    }

    @Override
    public Registration subscribe(URI address, String topic, String group, Service handler) {
        Destination.Subscription s = Channels.subscription(Channels.topic(address, topic), group);
        Link link = link(address);
        link.declare(withDeadLetter(s));
        return consume(link, s, handler);
    }

    private Registration consume(Link link, Destination source, Service handler) {
        Inbound in = new Inbound(link, source, handler, options, ctx);
        in.start();
        consumers.add(in);
        return () -> {
            if (consumers.remove(in)) {
                in.stop();
            }
        };
    }

    @Override
    public Service connect(URI address) {
        Destination.Queue queue = Channels.requestQueue(address);
        return new Service() {
            @Override
            public CompletionStage<Message> call(Message request) {
                return send(address, queue, request);
            }

            @Override
            public String toString() {
                return address.toString();
            }
        };
    }

    private CompletionStage<Message> send(URI address, Destination.Queue queue, Message request) {
        Link link;
        try {
            link = link(address);
            if (!link.declared(queue)) {
                link.declare(withDeadLetter(queue));
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(notSent(address, e));
        }
        if (request.isOneWay()) {
            return link.broker.send(queue, Wire.outbound(request)).handle((v, e) -> {
                if (e != null) {
                    throw notSent(address, e);
                }
                return Message.of(Errors.replyHeaders(request));
            });
        }
        String id = request.header(HeaderNames.MESSAGE_ID);
        if (id == null) {
            return CompletableFuture.failedFuture(new NotSentException(Status.INVALID_ARGUMENT,
                    "a request over a broker needs " + HeaderNames.MESSAGE_ID));
        }
        CompletableFuture<Message> reply = new CompletableFuture<>();
        Message out;
        try {
            out = Wire.outbound(request.withHeader(HeaderNames.REPLY_TO, link.replyAddress()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(notSent(address, e));
        }
        link.expect(id, reply::complete);
        reply.whenComplete((m, e) -> link.forget(id));
        link.broker.send(queue, out).whenComplete((v, e) -> {
            if (e != null) {
                reply.completeExceptionally(notSent(address, e));
            }
        });
        return reply;
    }

    @Override
    public CompletionStage<Registration> publish(URI address, String topic, Message event,
            @Nullable Consumer<Message> replies) {
        Destination.Topic t;
        try {
            t = topic(address, topic);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        Link link;
        Message out = event;
        try {
            link = link(address);
            link.declare(t);
            if (replies != null) {
                out = event.withHeader(HeaderNames.REPLY_TO, link.replyAddress());
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(notSent(address, e));
        }
        String id = replies == null ? null : event.header(HeaderNames.MESSAGE_ID);
        Registration listening;
        if (id == null) {
            listening = NOT_LISTENING;
        } else {
            link.expect(id, replies);
            listening = () -> link.forget(id);
        }
        return link.broker.send(t, Wire.outbound(out)).handle((v, e) -> {
            if (e != null) {
                listening.close();
                throw notSent(address, e);
            }
            return listening;
        });
    }

    private static NotSentException notSent(URI address, Throwable e) {
        Throwable t = Errors.unwrap(e);
        return t instanceof NotSentException n ? n : new NotSentException(Status.UNAVAILABLE,
                "the broker at " + Channels.broker(address) + " did not take the message: " + t.getMessage(), t);
    }

    /** Drops every broker connection without settling anything (fault tests). */
    public void crash() {
        consumers.forEach(Inbound::crash);
        links.values().forEach(Link::abort);
    }

    @Override
    public void close() {
        List<Inbound> all = new ArrayList<>(consumers);
        consumers.clear();
        all.parallelStream().forEach(Inbound::stop);
        links.values().forEach(Link::close);
        links.clear();
        byAddress.clear();
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return scheme;
    }
}
