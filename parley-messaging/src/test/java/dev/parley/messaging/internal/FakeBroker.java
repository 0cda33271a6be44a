package dev.parley.messaging.internal;

import dev.parley.message.Message;
import dev.parley.messaging.spi.Broker;
import dev.parley.messaging.spi.Declaration;
import dev.parley.messaging.spi.Delivery;
import dev.parley.messaging.spi.DeliveryHandler;
import dev.parley.messaging.spi.Destination;
import dev.parley.messaging.spi.ReplyChannel;
import dev.parley.transport.Registration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A broker in memory for the delivery rules' unit tests: queues only (one consumer each), every send
 * confirmed at once, deliveries on the sending thread. Records what was sent where and how each delivery
 * was settled. The real brokers run the messaging contract suite.
 */
final class FakeBroker implements Broker {

    final Map<String, List<Message>> sent = new ConcurrentHashMap<>();
    final List<String> settled = new CopyOnWriteArrayList<>();
    private final Map<String, DeliveryHandler> consumers = new ConcurrentHashMap<>();

    List<Message> sentTo(String queue) {
        return sent.computeIfAbsent(queue, q -> new CopyOnWriteArrayList<>());
    }

    /** Delivers {@code m} to the consumer of {@code queue} as delivery number {@code count}. */
    void deliver(String queue, Message m, int count) {
        DeliveryHandler h = consumers.get(queue);
        if (h == null) {
            throw new IllegalStateException("nobody consumes " + queue);
        }
        AtomicBoolean done = new AtomicBoolean();
        h.onDelivery(new Delivery() {
            @Override
            public Message message() {
                return m;
            }

            @Override
            public int deliveryCount() {
                return count;
            }

            @Override
            public void ack() {
                settle("ack");
            }

            @Override
            public void release() {
                settle("release");
            }

            private void settle(String how) {
                if (!done.compareAndSet(false, true)) {
                    throw new AssertionError("settled twice: " + m);
                }
                settled.add(how + " " + m.header("parley-message-id"));
            }
        });
    }

    @Override
    public void declare(Declaration declaration) {
    }

    @Override
    public CompletionStage<Void> send(Destination destination, Message message) {
        String name = switch (destination) {
            case Destination.Queue q -> q.name();
            case Destination.Topic t -> t.name();
            case Destination.ReplyTo r -> r.address();
            case Destination.Subscription s -> throw new IllegalArgumentException(s.toString());
        };
        sentTo(name).add(message);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Registration consume(Destination destination, int prefetch, DeliveryHandler handler) {
        String name = ((Destination.Queue) destination).name();
        consumers.put(name, handler);
        return () -> consumers.remove(name);
    }

    @Override
    public ReplyChannel openReplyChannel(DeliveryHandler handler) {
        return new ReplyChannel() {
            @Override
            public String address() {
                return "replies";
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void abort() {
    }

    @Override
    public void close() {
    }
}
