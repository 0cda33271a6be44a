package dev.parley.benchmarks.messaging;

import org.openjdk.jmh.annotations.Param;

/**
 * S9's added p50 on Artemis, both peers in one trial: Parley's {@code artemis://} against the Artemis core client,
 * same embedded broker.
 */
public class ArtemisPairedLatencyBenchmark extends PairedLatencyBase {

    @Param({"artemis-raw"})
    public String peer = "artemis-raw";

    public ArtemisPairedLatencyBenchmark() {
        super(new ArtemisBench(), "parley-artemis");
    }

    @Override
    protected String peerName() {
        return peer;
    }
}
