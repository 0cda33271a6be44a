package dev.parley.benchmarks.rpc;

import dev.parley.benchmarks.local.Payload;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * S8, heap: what 10,000 calls in flight keep alive on the heap, client and server together (both are in
 * this JVM). Each invocation is one burst: a full GC and the used heap; {@value #CALLS} calls of
 * {@code hold} issued at once from the benchmark thread; the server's handlers wait at a barrier
 * ({@link Holds}) until all {@value #CALLS} have arrived; a full GC and the used heap again, with every call
 * still in flight; then the barrier opens and the burst ends when every reply is in. Bytes per call in
 * flight = (used heap while held − used heap before) ÷ {@value #CALLS}, reported by {@link Heap}.
 *
 * <ul>
 *   <li>{@code parley}: the handler blocks its virtual thread at the barrier (Parley's default way to write
 *       a handler that waits), so the parked virtual threads count;
 *   <li>{@code parley-nonblocking}: the handler returns a future the barrier completes, on the I/O thread;
 *   <li>{@code grpc-direct}: the handler keeps its {@code StreamObserver} until the barrier opens.
 * </ul>
 *
 * <p>Only {@code parley} runs by default; ask for the others with
 * {@code BENCH_ONLY=ManyInFlightHeap benchmarks/run rpc -- -p peer=parley,parley-nonblocking,grpc-direct}.
 * The time per burst that JMH reports includes the two full GCs: it is not a throughput figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ManyInFlightHeapBenchmark {

    static final int CALLS = 10_000;

    /** Parley, whose goal this is; {@code parley-nonblocking} and {@code grpc-direct} run when asked for. */
    @Param({"parley"})
    public String peer = "parley";

    private final Payload payload = Payload.ofSize(UnaryLatencyBenchmark.PAYLOAD_CHARS);
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private @Nullable Peer running;

    /** The secondary results: sums over an iteration, so bytes per call = heapBytes ÷ heldCalls. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Heap {
        /** Heap growth while the calls were held, summed over the bursts of the iteration. */
        public long heapBytes;
        /** Calls held, summed over the bursts of the iteration. */
        public long heldCalls;
    }

    @Setup(Level.Trial)
    public void start() throws Exception {
        Peer p = Peer.start(peer);
        running = p;
        // Open the connections 10,000 calls in flight need now, with calls brought out gradually, rather than
        // during the first burst: Parley's client can break a connection while it opens one under a burst
        // (see Pump); the bursts then spread over the open connections.
        Pump.of(p, payload, CALLS).drain();
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /** One burst of {@value #CALLS} held calls. */
    @Benchmark
    public void held(Heap heap) throws InterruptedException {
        Peer p = peer();
        Holds holds = p.holds();
        holds.reset();
        CountDownLatch replies = new CountDownLatch(CALLS);
        AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        Peer.Reply onReply = (reply, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
            replies.countDown();
        };
        long before = usedAfterGc();
        for (int i = 0; i < CALLS; i++) {
            p.hold(payload, onReply);
        }
        try {
            holds.awaitArrivals(CALLS, 30_000);
        } catch (IllegalStateException e) {
            Throwable f = failure.get();
            throw f == null ? e : new IllegalStateException(e.getMessage() + "; a call failed: " + f, f);
        }
        long during = usedAfterGc();
        holds.release();
        if (!replies.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(replies.getCount() + " held calls had no reply 30 s after the release");
        }
        Throwable f = failure.get();
        if (f != null) {
            throw new IllegalStateException("a held call failed: " + f, f);
        }
        heap.heapBytes += during - before;
        heap.heldCalls += CALLS;
    }

    private long usedAfterGc() {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private Peer peer() {
        Peer p = running;
        if (p == null) {
            throw new IllegalStateException("not started");
        }
        return p;
    }
}
