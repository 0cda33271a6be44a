package dev.parley.benchmarks.messaging;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * S9 and S10 with both peers in the same trial: Parley and the broker's raw client are opened side by side on
 * the same broker (each with its own topic and groups), and every invocation measures one round of each,
 * alternating which goes first. A broker's throughput drifts by ±10% and more within seconds (and a forked
 * broker differs from the next), so peers measured in separate trials, as in {@link PublishScenario}, differ
 * by that much whatever their code does; measured in turns a second apart, they see the same broker.
 *
 * <p>The figures are JMH secondary results (AuxCounters), one value per iteration for each peer:
 * {@link Rates} for {@link PairedFanOutBase#throughput}, {@link Latencies} for
 * {@link PairedLatencyBase#latency}. The primary score, the time of one round of both, means little. A
 * broker's class declares {@code @Param peer}: the raw peer; Parley's peer is named by the constructor.
 *
 * <p>Both peers live in one JVM, so each one's garbage may be collected in the other's turn; Parley allocates
 * more per message (the table's alloc column in the per-peer benchmarks), so this leans, if at all, against
 * the raw client.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 8, time = 3)
public abstract class PairedScenario {

    private static final boolean[] PARLEY_FIRST = {true, false};
    private static final boolean[] PEER_FIRST = {false, true};
    /** Parley's peer is opened first unless the probe {@code -Dbench.paired.peerFirst=true} says the raw one. */
    private static final boolean OPEN_PEER_FIRST = Boolean.getBoolean("bench.paired.peerFirst");

    private final BrokerBench broker;
    private final String parleyName;
    final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private @Nullable Publishing parley;
    private @Nullable Publishing peer;
    private boolean parleyFirst;

    /**
     * @param parleyName Parley's peer on this broker; the probe {@code -Dbench.paired.parley=NAME} puts another
     *     peer in its place, as in {@code -Dbench.paired.parley=kafka-raw}: the raw client against itself, a
     *     control run that shows how far two identical peers differ from one fork to the next
     */
    protected PairedScenario(BrokerBench broker, String parleyName) {
        this.broker = broker;
        this.parleyName = System.getProperty("bench.paired.parley", parleyName);
    }

    /** The raw peer's name, the {@code @Param peer} of the concrete class. */
    protected abstract String peerName();

    /** How many subscriber groups each peer has. */
    protected abstract int groups();

    @Setup(Level.Trial)
    public void start() throws Exception {
        broker.start();
        if (OPEN_PEER_FIRST) {
            peer = Publishing.open(broker.peer(peerName()), groups());
        }
        parley = Publishing.open(broker.peer(parleyName), groups());
        if (!OPEN_PEER_FIRST) {
            peer = Publishing.open(broker.peer(peerName()), groups());
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception { // the broker's stop may throw
        for (Publishing p : new @Nullable Publishing[] {parley, peer}) {
            if (p != null) {
                p.close();
            }
        }
        parley = null;
        peer = null;
        workers.shutdownNow();
        broker.stop();
    }

    /** Parley then the peer, or the other way round: alternating from one invocation to the next. */
    final boolean[] order() {
        parleyFirst = !parleyFirst;
        return parleyFirst ? PARLEY_FIRST : PEER_FIRST;
    }

    final Publishing side(boolean isParley) {
        Publishing p = isParley ? parley : peer;
        if (p == null) {
            throw new IllegalStateException("not started");
        }
        return p;
    }

    /** Messages published (and delivered to every group) per second, per peer, over one iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Rates {
        /** Parley's messages per second in this iteration. */
        public double parleyRate;
        /** The raw peer's messages per second in this iteration. */
        public double peerRate;
        /**
         * Parley's mean time, in µs, from a round's last confirm to its last arrival: how long the subscribers
         * trail the publishers.
         */
        public double parleyDrain;
        /** The raw peer's mean time from a round's last confirm to its last arrival, µs. */
        public double peerDrain;
        /** The CPU time this JVM (publishers and subscribers) spent in Parley's rounds, µs per message. */
        public double parleyClientCpu;
        /** The same for the raw peer's rounds. */
        public double peerClientCpu;
        /**
         * The CPU time the rest of the machine (the broker, unless it is in this JVM) spent in Parley's rounds,
         * µs per message.
         */
        public double parleyBrokerCpu;
        /** The same for the raw peer's rounds. */
        public double peerBrokerCpu;
        private Totals parley = new Totals();
        private Totals peer = new Totals();

        @Setup(Level.Iteration)
        public void clear() {
            parley = new Totals();
            peer = new Totals();
        }

        void add(boolean isParley, Publishing.Burst burst) {
            (isParley ? parley : peer).add(burst);
        }

        @TearDown(Level.Iteration)
        public void rates() {
            parleyRate = parley.rate();
            peerRate = peer.rate();
            parleyDrain = parley.drainMicros();
            peerDrain = peer.drainMicros();
            parleyClientCpu = parley.perMessageMicros(parley.clientCpuNanos);
            peerClientCpu = peer.perMessageMicros(peer.clientCpuNanos);
            parleyBrokerCpu = parley.perMessageMicros(parley.brokerCpuNanos);
            peerBrokerCpu = peer.perMessageMicros(peer.brokerCpuNanos);
        }

        /** One peer's rounds in this iteration, added up. */
        private static final class Totals {
            long bursts;
            long nanos;
            long drainNanos;
            double clientCpuNanos;
            double brokerCpuNanos;

            void add(Publishing.Burst burst) {
                bursts++;
                nanos += burst.nanos();
                drainNanos += burst.drainNanos();
                clientCpuNanos += burst.cpu().process();
                brokerCpuNanos += burst.cpu().others();
            }

            double rate() {
                return nanos == 0 ? Double.NaN : bursts * Publishing.MESSAGES * 1e9 / nanos;
            }

            double drainMicros() {
                return bursts == 0 ? Double.NaN : drainNanos / 1e3 / bursts;
            }

            double perMessageMicros(double cpuNanos) {
                return bursts == 0 ? Double.NaN : cpuNanos / 1e3 / (bursts * (double) Publishing.MESSAGES);
            }
        }
    }

    /**
     * The time from publishing one message to the broker's confirm, per peer, over one iteration: p50 and p99
     * in microseconds.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Latencies {
        /** Parley's p50 in this iteration, µs. */
        public double parleyP50;
        /** The raw peer's p50 in this iteration, µs. */
        public double peerP50;
        /** Parley's p99 in this iteration, µs. */
        public double parleyP99;
        /** The raw peer's p99 in this iteration, µs. */
        public double peerP99;
        private final Samples parley = new Samples();
        private final Samples peer = new Samples();

        @Setup(Level.Iteration)
        public void clear() {
            parley.clear();
            peer.clear();
        }

        void record(boolean isParley, long nanos) {
            (isParley ? parley : peer).add(nanos);
        }

        @TearDown(Level.Iteration)
        public void percentiles() {
            parleyP50 = parley.percentileMicros(50);
            peerP50 = peer.percentileMicros(50);
            parleyP99 = parley.percentileMicros(99);
            peerP99 = peer.percentileMicros(99);
        }
    }

    /** Durations in nanoseconds, kept whole so that the percentiles are exact. */
    static final class Samples {
        private long[] values = new long[4096];
        private int size;

        void clear() {
            size = 0;
        }

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        /** Nearest rank, as report.py takes them from JMH's histograms. */
        double percentileMicros(double q) {
            if (size == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int rank = (int) Math.max(1, Math.ceil(q / 100 * size));
            return sorted[rank - 1] / 1e3;
        }
    }
}
