package dev.parley.benchmarks.rpc;

import dev.parley.benchmarks.local.Payload;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Keeps up to {@code inFlight} asynchronous calls out, every one of them issued by the benchmark thread:
 * {@link #send} takes a permit per call (parking while all {@code inFlight} are out) and each reply gives
 * its permit back from whichever thread delivered it (an I/O thread, or gRPC's executor), which does
 * nothing else, so no peer's event loop issues calls or blocks. A reply wakes the benchmark thread only
 * when it is parked for lack of a permit; replies that come in a batch find it already running.
 *
 * <p>{@link #of} brings the calls out up to {@code inFlight} gradually, and that is on purpose too: Parley's
 * tcp client can put stream ids on the wire out of order when two threads send on one connection, and the
 * server then closes the connection (docs/benchmarks.md, {@code rpc}). That happens when the application
 * calls from two threads, and when calls that waited for a new connection are sent from its I/O thread
 * while the application sends more. One issuing thread avoids the first. For the second, the ramp adds
 * {@value #RAMP_STEP} calls every {@value #RAMP_STEP_MILLIS} ms and holds for {@value #RAMP_HOLD_MILLIS} ms
 * at each multiple of {@value #RAMP_HOLD_EVERY} calls out, where Parley's client (half of its default 4,096
 * streams per connection) starts opening another connection: under this load opening one takes hundreds of
 * milliseconds, and without the hold the open connections fill before it is ready. Other peers get the
 * same ramp.
 */
public final class Pump {

    private static final long REPLY_TIMEOUT_SECONDS = 30;
    static final int RAMP_STEP = 256;
    static final int RAMP_STEP_MILLIS = 20;
    static final int RAMP_HOLD_EVERY = 2048;
    static final int RAMP_HOLD_MILLIS = 2000;

    private final Peer peer;
    private final Payload payload;
    private final int inFlight;
    private final Semaphore permits;
    private final Peer.Reply onReply = this::replied;
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

    private Pump(Peer peer, Payload payload, int inFlight) {
        this.peer = peer;
        this.payload = payload;
        this.inFlight = inFlight;
        this.permits = new Semaphore(0);
    }

    /**
     * Checks one round trip through {@code peer}, then starts a pump that keeps up to {@code inFlight} calls
     * out, reaching that many gradually (see above).
     */
    public static Pump of(Peer peer, Payload payload, int inFlight) throws Exception {
        return of(peer, payload, inFlight, 0);
    }

    /**
     * As {@link #of(Peer, Payload, int)}, and then keeps {@code inFlight} calls out until {@code setupMillis}
     * have passed since the ramp began, so that trials with different {@code inFlight} get the same time to
     * warm up before JMH's own warm-up (the ramp to 10,000 takes about 9 s; to 128, 20 ms).
     */
    public static Pump of(Peer peer, Payload payload, int inFlight, long setupMillis) throws Exception {
        CompletableFuture<@Nullable Object> first = new CompletableFuture<>();
        peer.callAsync(payload, (reply, error) -> {
            if (error != null) {
                first.completeExceptionally(error);
            } else {
                first.complete(reply);
            }
        });
        Object back = first.get(10, TimeUnit.SECONDS);
        if (!payload.equals(back)) {
            throw new IllegalStateException(peer + ": echo answered " + back);
        }
        Pump pump = new Pump(peer, payload, inFlight);
        long start = System.nanoTime();
        pump.rampUp();
        long left = setupMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (left > 0) {
            pump.keepSending(left);
        }
        return pump;
    }

    private void rampUp() throws InterruptedException {
        for (int allowed = 0; allowed < inFlight; ) {
            int step = Math.min(RAMP_STEP, inFlight - allowed);
            permits.release(step);
            allowed += step;
            boolean hold = allowed % RAMP_HOLD_EVERY == 0 && allowed < inFlight;
            keepSending(hold ? RAMP_HOLD_MILLIS : RAMP_STEP_MILLIS);
        }
    }

    private void keepSending(long millis) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() - until < 0) {
            if (permits.tryAcquire(1, TimeUnit.MILLISECONDS)) {
                check();
                peer.callAsync(payload, onReply);
            }
        }
    }

    /** Issues {@code calls} calls, each as soon as fewer than {@code inFlight} are out. */
    public void send(int calls) throws InterruptedException {
        for (int i = 0; i < calls; i++) {
            if (!permits.tryAcquire(REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no reply for " + REPLY_TIMEOUT_SECONDS + " s with " + inFlight
                        + " calls in flight");
            }
            check();
            peer.callAsync(payload, onReply);
        }
    }

    private void replied(@Nullable Object reply, @Nullable Throwable error) {
        if (error != null || reply == null) {
            failure.compareAndSet(null, error != null ? error : new IllegalStateException("a call answered null"));
        }
        permits.release();
    }

    /** Waits for every call out to come back. */
    public void drain() throws InterruptedException {
        if (!permits.tryAcquire(inFlight, REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException((inFlight - permits.availablePermits()) + " calls still out after "
                    + REPLY_TIMEOUT_SECONDS + " s");
        }
        permits.release(inFlight);
        check();
    }

    private void check() {
        Throwable f = failure.get();
        if (f != null) {
            throw new IllegalStateException("a call failed with up to " + inFlight
                    + " in flight (the first failure): " + f, f);
        }
    }
}
