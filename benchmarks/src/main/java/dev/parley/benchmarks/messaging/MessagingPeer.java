package dev.parley.benchmarks.messaging;

/**
 * One way of publishing to a broker and consuming from it: Parley, or a broker's raw client. A broker adds
 * its raw peer as a class of its own; {@link ParleyPeer} serves every broker.
 */
public interface MessagingPeer extends AutoCloseable {

    /** About 1 KiB: the body size every messaging benchmark publishes (raw peers send this many bytes). */
    int BODY_BYTES = 1024;

    /**
     * Makes a topic with {@code groups} subscriber groups of one member each; every message any group
     * receives calls {@code arrived} (then the peer acknowledges it). Called once per trial.
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
