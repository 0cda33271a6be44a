package dev.parley.benchmarks.messaging;

import org.openjdk.jmh.annotations.Param;

/**
 * S9 and S10 on Artemis, both peers in one trial: Parley's {@code artemis://} against the Artemis core client, same
 * embedded broker.
 */
public class ArtemisPairedFanOutBenchmark extends PairedFanOutBase {

    @Param({"artemis-raw"})
    public String peer = "artemis-raw";

    public ArtemisPairedFanOutBenchmark() {
        super(new ArtemisBench(), "parley-artemis");
    }

    @Override
    protected String peerName() {
        return peer;
    }
}
