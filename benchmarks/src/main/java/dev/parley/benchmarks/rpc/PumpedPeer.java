package dev.parley.benchmarks.rpc;

import dev.parley.benchmarks.local.Payload;

/**
 * The state of one throughput trial: a started peer and the {@link Pump} that keeps its calls out.
 */
public final class PumpedPeer {

    private final Peer peer;
    private final Pump pump;

    private PumpedPeer(Peer peer, Pump pump) {
        this.peer = peer;
        this.pump = pump;
    }

    /** Brings {@code inFlight} calls of {@code payload} out through {@code peer}; see {@link Pump#of}. */
    public static PumpedPeer start(Peer peer, Payload payload, int inFlight, long setupMillis) throws Exception {
        try {
            return new PumpedPeer(peer, Pump.of(peer, payload, inFlight, setupMillis));
        } catch (Exception | Error e) {
            peer.close();
            throw e;
        }
    }

    /** {@code calls} more calls, keeping the same number out. */
    public void send(int calls) throws InterruptedException {
        pump.send(calls);
    }

    /** Lets the calls out finish, then stops the peer. */
    public void stop() throws InterruptedException {
        try {
            pump.drain();
        } finally {
            peer.close();
        }
    }
}
