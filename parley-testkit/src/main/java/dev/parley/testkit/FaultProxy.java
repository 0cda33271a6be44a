package dev.parley.testkit;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * An in-JVM TCP proxy that injects network faults between a client and a server on loopback (there is no
 * {@code tc netem} here): latency with jitter, a bandwidth cap, a blackhole, connection resets, slicing into
 * small writes, and closing after N bytes. Faults can change while connections are open. Jitter comes from
 * a seeded random, so a failing run can be replayed with the same seed.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.to(7000, 42)) {
 *     Inventory inventory = parley.client(Inventory.class, "tcp://" + proxy.hostAndPort());
 *     proxy.blackhole(true);            // every byte from now on disappears
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {

    private static final int BUFFER = 16 * 1024;

    private final InetSocketAddress upstream;
    private final ServerSocket listener;
    private final Random random;
    private final long seed;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration jitter = Duration.ZERO;
    private volatile long bytesPerSecond;
    private volatile boolean blackhole;
    private volatile int sliceBytes;
    private volatile long closeAfterBytes = -1;
    private volatile boolean closed;

    private FaultProxy(InetSocketAddress upstream, long seed) throws IOException {
        this.upstream = upstream;
        this.seed = seed;
        this.random = new Random(seed);
        this.listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fault-proxy-accept").start(this::accept);
    }

    /** A proxy on a free loopback port, forwarding to {@code 127.0.0.1:upstreamPort}. */
    public static FaultProxy to(int upstreamPort, long seed) {
        return to(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), seed);
    }

    public static FaultProxy to(InetSocketAddress upstream, long seed) {
        try {
            return new FaultProxy(requireNonNull(upstream, "upstream"), seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:port}, for a client's address. */
    public String hostAndPort() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The seed of the jitter, to replay a run. */
    public long seed() {
        return seed;
    }

    /** Delays every chunk by {@code base} plus a random part of up to {@code jitter}. */
    public FaultProxy latency(Duration base, Duration jitter) {
        this.latency = requireNonNull(base, "base");
        this.jitter = requireNonNull(jitter, "jitter");
        return this;
    }

    /** Caps each direction of each connection at {@code bytesPerSecond}; 0 removes the cap. */
    public FaultProxy bandwidth(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        return this;
    }

    /** While on, bytes in both directions are read and dropped: the peers see a silent network. */
    public FaultProxy blackhole(boolean on) {
        this.blackhole = on;
        return this;
    }

    /** Forwards in writes of at most {@code bytes}, so frames arrive in pieces; 0 forwards as read. */
    public FaultProxy slice(int bytes) {
        this.sliceBytes = bytes;
        return this;
    }

    /** Closes each connection once it has forwarded {@code bytes} in one direction; negative: never. */
    public FaultProxy closeAfter(long bytes) {
        this.closeAfterBytes = bytes;
        return this;
    }

    /** Resets (RST) every open connection now. */
    public FaultProxy resetConnections() {
        for (Socket s : sockets) {
            try {
                s.setSoLinger(true, 0);
                s.close();
            } catch (IOException e) {
                // already gone
            }
        }
        return this;
    }

    /** Removes every fault; open connections carry on. */
    public FaultProxy heal() {
        latency = Duration.ZERO;
        jitter = Duration.ZERO;
        bytesPerSecond = 0;
        blackhole = false;
        sliceBytes = 0;
        closeAfterBytes = -1;
        return this;
    }

    /** Connections open through the proxy. */
    public int openConnections() {
        return sockets.size() / 2;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(upstream, 5_000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                Thread.ofVirtual().start(() -> pump(client, server));
                Thread.ofVirtual().start(() -> pump(server, client));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER];
        long forwarded = 0;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (blackhole) {
                    continue;
                }
                delay(n);
                long limit = closeAfterBytes;
                int allowed = limit >= 0 ? (int) Math.max(0, Math.min(n, limit - forwarded)) : n;
                write(out, buffer, allowed);
                forwarded += allowed;
                if (limit >= 0 && forwarded >= limit) {
                    break;
                }
            }
        } catch (IOException e) {
            // one side went away: end both
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void write(OutputStream out, byte[] buffer, int length) throws IOException {
        int slice = sliceBytes;
        if (slice <= 0) {
            out.write(buffer, 0, length);
            out.flush();
            return;
        }
        for (int off = 0; off < length; off += slice) {
            out.write(buffer, off, Math.min(slice, length - off));
            out.flush();
        }
    }

    /** The injected fault itself: waiting here is what a slow network does. */
    private void delay(int bytes) {
        long nanos = latency.toNanos();
        long spread = jitter.toNanos();
        if (spread > 0) {
            synchronized (random) {
                nanos += (long) (random.nextDouble() * spread);
            }
        }
        long rate = bytesPerSecond;
        if (rate > 0) {
            nanos += bytes * 1_000_000_000L / rate;
        }
        if (nanos > 0) {
            LockSupport.parkNanos(nanos);
        }
    }

    private void closeQuietly(Socket s) {
        sockets.remove(s);
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }

    @Override
    public String toString() {
        return "FaultProxy[" + hostAndPort() + " -> " + upstream + ", seed " + seed + "]";
    }

}
