package dev.parley.transport.http.internal;

import dev.parley.NotSentException;
import dev.parley.Status;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The keep-alive connections of a client to one endpoint: up to {@code max}, the most recently used first,
 * and calls that find none free wait in order (up to {@code maxWaiting}). Lock-free, and it never moves a
 * call to another thread: an acquire on the caller's thread takes an idle connection there, a release on the
 * connection's I/O thread hands it to the next waiter there. (Netty's {@code FixedChannelPool} runs every
 * acquire and release on one event loop: two thread hand-offs per call on the hot path.)
 */
final class ConnectionPool implements AutoCloseable {

    private final Bootstrap bootstrap;
    private final String name;
    private final int max;
    private final int maxWaiting;
    private final ConcurrentLinkedDeque<Channel> idle = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedQueue<CompletableFuture<Channel>> waiters = new ConcurrentLinkedQueue<>();
    /** Connections open or being opened. */
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile boolean closed;

    /** {@code bootstrap} has its remote address and a handler that sets up each new connection's pipeline. */
    ConnectionPool(Bootstrap bootstrap, String name, int max, int maxWaiting) {
        this.bootstrap = bootstrap;
        this.name = name;
        this.max = max;
        this.maxWaiting = maxWaiting;
    }

    /** A connection for one call; give it back with {@link #release}. */
    CompletableFuture<Channel> acquire() {
        if (closed) {
            return CompletableFuture.failedFuture(new NotSentException(Status.UNAVAILABLE, name + ": the client is closed"));
        }
        Channel ch = pollIdle();
        if (ch != null) {
            return CompletableFuture.completedFuture(ch);
        }
        if (reserve()) {
            return connect();
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return CompletableFuture.failedFuture(new NotSentException(Status.RESOURCE_EXHAUSTED, name
                    + ": more than " + maxWaiting + " calls waiting for one of its " + max + " connections"));
        }
        CompletableFuture<Channel> waiter = new CompletableFuture<>();
        waiters.add(waiter);
        handOver(); // a connection may have come back between pollIdle() and add()
        return waiter;
    }

    /** Gives a connection back after its call; a closed one is forgotten. */
    void release(Channel ch) {
        if (closed) {
            ch.close();
            return;
        }
        if (ch.isActive()) {
            idle.offerFirst(ch);
        }
        handOver();
    }

    /**
     * Gives idle connections to waiting calls, or opens one for a waiting call while under the limit. Both an
     * acquire (after queueing) and a release (after offering) call it, so a connection and a waiter that pass
     * each other are always matched by one of the two.
     */
    private void handOver() {
        while (!waiters.isEmpty()) {
            Channel ch = pollIdle();
            if (ch == null) {
                if (!reserve()) {
                    return;
                }
                CompletableFuture<Channel> waiter = pollWaiter();
                if (waiter == null) {
                    open.decrementAndGet();
                    return;
                }
                connect().whenComplete((c, t) -> {
                    if (t != null) {
                        waiter.completeExceptionally(t);
                    } else if (!waiter.complete(c)) {
                        release(c); // the call gave up while the connection was being made
                    }
                });
                continue;
            }
            CompletableFuture<Channel> waiter = pollWaiter();
            if (waiter == null) {
                idle.offerFirst(ch);
                return;
            }
            if (!waiter.complete(ch)) {
                idle.offerFirst(ch); // the call gave up waiting
            }
        }
    }

    private @Nullable CompletableFuture<Channel> pollWaiter() {
        CompletableFuture<Channel> w = waiters.poll();
        if (w != null) {
            waiting.decrementAndGet();
        }
        return w;
    }

    private @Nullable Channel pollIdle() {
        Channel ch;
        while ((ch = idle.pollFirst()) != null) {
            if (ch.isActive()) {
                return ch;
            }
        }
        return null;
    }

    private boolean reserve() {
        while (true) {
            int n = open.get();
            if (n >= max) {
                return false;
            }
            if (open.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Opens a connection counted by a {@link #reserve()} already made. */
    private CompletableFuture<Channel> connect() {
        CompletableFuture<Channel> result = new CompletableFuture<>();
        ChannelFuture f = bootstrap.connect();
        f.addListener(done -> {
            if (!done.isSuccess()) {
                open.decrementAndGet();
                result.completeExceptionally(new NotSentException(Status.UNAVAILABLE, name + " cannot be reached: "
                        + done.cause(), done.cause()));
                handOver();
                return;
            }
            Channel ch = f.channel();
            ch.closeFuture().addListener(c -> {
                open.decrementAndGet();
                idle.remove(ch);
                if (!closed) {
                    handOver(); // a waiting call may open a connection in its place
                }
            });
            result.complete(ch);
        });
        return result;
    }

    @Override
    public void close() {
        closed = true;
        Channel ch;
        while ((ch = idle.pollFirst()) != null) {
            ch.close();
        }
        CompletableFuture<Channel> w;
        while ((w = pollWaiter()) != null) {
            w.completeExceptionally(new NotSentException(Status.UNAVAILABLE, name + ": the client is closed"));
        }
    }
}
