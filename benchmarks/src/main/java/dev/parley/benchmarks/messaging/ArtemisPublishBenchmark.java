package dev.parley.benchmarks.messaging;

import org.openjdk.jmh.annotations.Param;

/** S9 on Artemis: Parley's {@code artemis://} against the Artemis core client, same embedded broker. */
public class ArtemisPublishBenchmark extends PublishBenchmarkBase {

    @Param({"parley-artemis", "artemis-raw"})
    public String peer = "parley-artemis";

    public ArtemisPublishBenchmark() {
        super(new ArtemisBench());
    }

    @Override
    protected String peerName() {
        return peer;
    }
}
