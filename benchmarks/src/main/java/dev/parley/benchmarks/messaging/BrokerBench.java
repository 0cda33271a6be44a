package dev.parley.benchmarks.messaging;

/** One broker of the messaging suite: started per trial, and the peers that reach it. */
interface BrokerBench {

    /** Starts the broker for this trial (an embedded one, a fork, or a vhost on the machine's broker). */
    void start() throws Exception;

    /** The peer called {@code name}, connected to the started broker. */
    MessagingPeer peer(String name) throws Exception;

    /** Stops what {@link #start()} started. */
    void stop() throws Exception;
}
