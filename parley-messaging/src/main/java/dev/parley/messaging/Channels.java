package dev.parley.messaging;

import dev.parley.messaging.spi.Destination;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * How Parley names its broker objects, the same on every broker. An address is
 * {@code scheme://host:port[,host:port...]/NAME[?broker options]} or {@code scheme:NAME} (e.g.
 * {@code embedded:trips}): everything but the path names the broker, the path ({@code NAME}) names the
 * channel:
 * <ul>
 *   <li>a served contract's requests and notifications go to the queue {@code NAME};</li>
 *   <li>an events contract's topic is {@code NAME.CHANNEL} (or {@code CHANNEL} when there is no name), where
 *       {@code CHANNEL} is the contract's {@code name.vMAJOR};</li>
 *   <li>the dead-letter queue of queue {@code Q} is {@code Q.dlq}; of group {@code G}'s subscription to topic
 *       {@code T}, {@code T.G.dlq}.</li>
 * </ul>
 * Names use {@code [A-Za-z0-9._-]} only.
 */
public final class Channels {

    private Channels() {
    }

    /**
     * The broker part of an address: the address without its path, e.g. {@code kafka://h1:9092,h2:9092}; for an
     * opaque address such as {@code embedded:trips}, {@code embedded:/}.
     */
    public static URI broker(URI address) {
        if (address.isOpaque()) {
            return URI.create(address.getScheme() + ":/");
        }
        // Raw parts, so that escaped credentials (p%40ss) and host lists with IPv6 nodes stay as they were.
        String authority = address.getRawAuthority();
        String query = address.getRawQuery();
        try {
            return new URI(address.getScheme() + "://" + (authority == null ? "" : authority)
                    + (query == null ? "" : "?" + query));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("address '" + address + "': " + e.getMessage(), e);
        }
    }

    /** The channel name in an address (its path without slashes), or "" when it has none. */
    public static String name(URI address) {
        String n;
        if (address.isOpaque()) {
            n = address.getSchemeSpecificPart();
            int q = n.indexOf('?');
            n = q < 0 ? n : n.substring(0, q);
        } else {
            n = address.getPath() == null ? "" : address.getPath();
        }
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        return check(n, "address '" + address + "'");
    }

    /** The queue a service at {@code address} is served from. */
    public static Destination.Queue requestQueue(URI address) {
        String n = name(address);
        if (n.isEmpty()) {
            throw new IllegalArgumentException("address '" + address + "' names no queue: add one, e.g. "
                    + address.getScheme() + (address.isOpaque() ? ":trips" : "://host:port/trips"));
        }
        return new Destination.Queue(n);
    }

    /** The topic of events contract channel {@code channel} at {@code address}. */
    public static Destination.Topic topic(URI address, String channel) {
        String n = name(address);
        check(channel, "channel");
        return new Destination.Topic(n.isEmpty() ? channel : n + "." + channel);
    }

    /** A subscriber group's subscription to {@code topic}. */
    public static Destination.Subscription subscription(Destination.Topic topic, String group) {
        if (group.isEmpty()) {
            throw new IllegalArgumentException("group: empty");
        }
        return new Destination.Subscription(topic.name(), check(group, "group"));
    }

    /** The dead-letter queue of a queue or subscription. */
    public static Destination.Queue deadLetter(Destination source) {
        return switch (source) {
            case Destination.Queue q -> new Destination.Queue(q.name() + ".dlq");
            case Destination.Subscription s -> new Destination.Queue(s.topic() + "." + s.group() + ".dlq");
            default -> throw new IllegalArgumentException(source + " has no dead-letter queue");
        };
    }

    /** How a source is named in {@link MessagingHeaders#DEAD_LETTER_SOURCE}: {@code queue} or {@code topic/group}. */
    public static String describe(Destination source) {
        return switch (source) {
            case Destination.Queue q -> q.name();
            case Destination.Topic t -> t.name();
            case Destination.Subscription s -> s.topic() + "/" + s.group();
            case Destination.ReplyTo r -> "reply-to " + r.address();
        };
    }

    private static String check(String name, String what) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-';
            if (!ok) {
                throw new IllegalArgumentException(what + ": '" + name + "' has '" + c
                        + "'; channel names use only A-Z a-z 0-9 . _ - (every broker accepts those)");
            }
        }
        if (name.length() > 200) {
            throw new IllegalArgumentException(what + ": '" + name + "' is longer than 200 characters");
        }
        return name;
    }
}
