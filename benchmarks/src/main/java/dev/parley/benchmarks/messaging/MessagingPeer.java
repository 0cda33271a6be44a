package dev.parley.benchmarks.messaging;

/**
 * One way of publishing to a broker and consuming from it: Parley, or a broker's raw client. A broker adds
 * its raw peer as a class of its own; {@link ParleyPeer} serves every broker.
 */
public interface MessagingPeer extends AutoCloseable {

    /**
     * About 1 KiB: the size of the event every messaging benchmark publishes, {@link ParleyPeer#PAYLOAD} as
     * JSON (raw peers write it with Jackson, {@link RawEvent}).
     */
    int BODY_BYTES = 1024;

    /**
     * Makes a topic with {@code groups} subscriber groups of one member each; every message any group
     * receives is read back into the event, then calls {@code arrived} (then the peer acknowledges it).
     * Called once per trial.
     */
    void open(String topic, int groups, Runnable arrived) throws Exception;

    /**
     * Publishes one message to the topic and returns once the broker has confirmed it. Called from several
     * virtual threads at once.
     */
    void publish() throws Exception;

    /** Closes connections; never throws. */
    @Override
    void close();
}
