package dev.parley.resilience;

/**
 * Receives {@link ResilienceEvent}s on the thread where they happen, which may be a call's thread or an I/O
 * thread: be fast. A listener that throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface ResilienceListener {

    /** Ignores everything. */
    ResilienceListener NONE = event -> { };

    void on(ResilienceEvent event);
}
