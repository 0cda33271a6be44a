package dev.parley.resilience.internal;

import dev.parley.resilience.ResilienceEvent;
import dev.parley.resilience.ResilienceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers events so that a failing listener can never fail a call. */
final class Events {

    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    private Events() {
    }

    static void emit(ResilienceListener listener, ResilienceEvent event) {
        try {
            listener.on(event);
        } catch (RuntimeException e) {
            LOG.warn("resilience listener {} failed on {}", listener, event, e);
        }
    }
}
