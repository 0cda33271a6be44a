package dev.parley.messaging.spi;

import static java.util.Objects.requireNonNull;

/**
 * Where messages go or come from. Names are chosen by {@code parley-messaging} from the characters
 * {@code [A-Za-z0-9._-]} only, so that every broker can use them as they are.
 */
public sealed interface Destination {

    /** A point-to-point queue: each message reaches one of its consumers (competing consumers). */
    record Queue(String name) implements Destination {
        public Queue {
            requireNonNull(name, "name");
        }
    }

    /** A publish/subscribe topic: each message reaches every subscription of it. Send only. */
    record Topic(String name) implements Destination {
        public Topic {
            requireNonNull(name, "name");
        }
    }

    /**
     * The durable subscription of one subscriber group to a topic: it keeps what is published while no member
     * is connected, and each message reaches one member (members compete). Consume only.
     */
    record Subscription(String topic, String group) implements Destination {
        public Subscription {
            requireNonNull(topic, "topic");
            requireNonNull(group, "group");
        }
    }

    /**
     * A reply channel, by the {@link ReplyChannel#address() address} a request carried in
     * {@code parley-reply-to}. Send only; replies need no durability.
     */
    record ReplyTo(String address) implements Destination {
        public ReplyTo {
            requireNonNull(address, "address");
        }
    }
}
