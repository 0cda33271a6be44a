package dev.parley.broker.artemis.internal;

import dev.parley.messaging.spi.Destination;

/** Artemis object names derived from Parley's. */
final class Names {

    private Names() {
    }

    /** Group G's subscription to topic T is the queue {@code T.G} on address {@code T}. */
    static String subscriptionQueue(Destination.Subscription s) {
        return s.topic() + "." + s.group();
    }

    /** Keeps a name to characters every Artemis address accepts without wildcard meaning. */
    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
