package dev.parley.benchmarks.messaging;

import org.openjdk.jmh.annotations.Param;

/** S9 on Artemis: Parley's {@code artemis://} against the Artemis core client, same embedded broker. */
public class ArtemisPublishBenchmark extends PublishBenchmarkBase {

    @Param({"parley-artemis", "artemis-raw"})
    public String peer = "parley-artemis";

    private final ArtemisBench bench = new ArtemisBench();

    @Override
    protected String peerName() {
        return peer;
    }

    @Override
    protected void startBroker() throws Exception {
        bench.start();
    }

    @Override
    protected MessagingPeer peer(String name) throws Exception {
        return bench.peer(name);
    }

    @Override
    protected void stopBroker() {
        bench.stop();
    }
}
