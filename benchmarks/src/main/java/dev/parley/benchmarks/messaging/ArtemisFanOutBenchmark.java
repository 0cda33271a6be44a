package dev.parley.benchmarks.messaging;

import org.openjdk.jmh.annotations.Param;

/** S10 on Artemis: Parley's {@code artemis://} against the Artemis core client, same embedded broker. */
public class ArtemisFanOutBenchmark extends FanOutBenchmarkBase {

    @Param({"parley-artemis", "artemis-raw"})
    public String peer = "parley-artemis";

    public ArtemisFanOutBenchmark() {
        super(new ArtemisBench());
    }

    @Override
    protected String peerName() {
        return peer;
    }
}
