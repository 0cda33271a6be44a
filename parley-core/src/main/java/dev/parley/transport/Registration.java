package dev.parley.transport;

/** Something started that can be stopped: a served address, a subscription, a reply listener. */
@FunctionalInterface
public interface Registration extends AutoCloseable {

    /** Stops it; idempotent; does not throw. */
    @Override
    void close();
}
