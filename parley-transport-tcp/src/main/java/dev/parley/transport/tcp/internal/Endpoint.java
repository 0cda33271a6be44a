package dev.parley.transport.tcp.internal;

import dev.parley.NotSentException;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.time.Scheduler;
import dev.parley.transport.tcp.TcpOptions;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;

/**
 * The connections of a client to one {@code host:port}: a few multiplexed connections, opened on demand
 * when the open ones are full, and after a failed connect a backoff (100 ms doubling to 5 s) during which
 * the endpoint counts as down and calls go elsewhere.
 */
final class Endpoint {

    private static final long FIRST_BACKOFF_NANOS = 100_000_000L;
    private static final long MAX_BACKOFF_NANOS = 5_000_000_000L;

    private final InetSocketAddress address;
    private final String name;
    private final EventLoops loops;
    private final TcpOptions options;
    private final Scheduler scheduler;
    private final List<ClientConnection> connections = new CopyOnWriteArrayList<>();
    private @Nullable CompletableFuture<ClientConnection> connecting;
    /** The connection the last {@link #acquire()} chose; reused without a lock while it is under half full. */
    private volatile @Nullable ClientConnection preferred;
    private int failures;
    private long downUntil;
    private @Nullable String lastError;

    Endpoint(InetSocketAddress address, EventLoops loops, TcpOptions options, Scheduler scheduler) {
        this.address = address;
        this.name = address.getHostString() + ":" + address.getPort();
        this.loops = loops;
        this.options = options;
        this.scheduler = scheduler;
    }

    /** Whether a connect failed recently and the backoff has not run out. */
    synchronized boolean isDown() {
        return failures > 0 && scheduler.nanoTime() - downUntil < 0
                && connections.stream().noneMatch(ClientConnection::isUsable);
    }

    @Nullable String lastError() {
        return lastError;
    }

    /** The preferred connection when it has plenty of room, found without locking; else {@code null}. */
    @Nullable ClientConnection quick() {
        ClientConnection c = preferred;
        return c != null && c.isUsable() && c.inFlight() < options.maxConcurrentStreams() / 2 ? c : null;
    }

    /**
     * A connection with room for one more call: the least busy open one. When it is half full, another
     * connection is opened in the background (up to the limit), so load spreads before anything waits.
     */
    synchronized CompletableFuture<ClientConnection> acquire() {
        connections.removeIf(c -> !c.isUsable());
        ClientConnection best = null;
        for (ClientConnection c : connections) {
            if (c.hasRoom() && (best == null || c.inFlight() < best.inFlight())) {
                best = c;
            }
        }
        boolean canGrow = connecting == null && connections.size() < options.maxConnectionsPerEndpoint();
        if (best != null) {
            if (canGrow && best.inFlight() >= options.maxConcurrentStreams() / 2) {
                connecting = connect();
            }
            preferred = best;
            return CompletableFuture.completedFuture(best);
        }
        if (connecting != null) {
            // Everyone waiting for this connection may not fit on it: whoever finds it full asks again.
            return connecting.thenCompose(c -> c.hasRoom() ? CompletableFuture.completedFuture(c) : acquire());
        }
        if (!canGrow) {
            return CompletableFuture.failedFuture(new ParleyException(Status.RESOURCE_EXHAUSTED, "tcp://" + name
                    + ": " + connections.size() + " connections with " + options.maxConcurrentStreams()
                    + " calls in flight each"));
        }
        connecting = connect();
        return connecting.thenCompose(c -> c.hasRoom() ? CompletableFuture.completedFuture(c) : acquire());
    }

    private CompletableFuture<ClientConnection> connect() {
        CompletableFuture<ClientConnection> result = new CompletableFuture<>();
        Bootstrap b = new Bootstrap()
                .group(loops.group())
                .channel(loops.channel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
                .handler(new io.netty.channel.ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (options.clientTls() != null) {
                            ch.pipeline().addLast(tls(options.clientTls(), ch));
                        }
                        // Many small frames in flight: one syscall per batch, not per frame.
                        ch.pipeline().addLast(new FlushConsolidationHandler(256, true));
                        ch.pipeline().addLast(
                                new FrameDecoder(new FrameCodec(options.maxFrameBytes(), options.maxHeaderBytes())),
                                FrameEncoder.INSTANCE, new ClientConnection(name, options, ch));
                    }
                });
        ChannelFuture f = b.connect(address);
        f.addListener(done -> {
            if (!done.isSuccess()) {
                connected(result, null, done.cause());
                return;
            }
            Channel ch = f.channel();
            ClientConnection c = ch.pipeline().get(ClientConnection.class);
            Frames.writePreface(ch);
            c.ready().whenComplete((ok, e) -> connected(result, ok, e));
        });
        return result;
    }

    /** A TLS handler that checks the server's certificate names the host this client dialled. */
    private SslHandler tls(SslContext context, Channel ch) {
        SslHandler handler = context.newHandler(ch.alloc(), address.getHostString(), address.getPort());
        SSLParameters parameters = handler.engine().getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        handler.engine().setSSLParameters(parameters);
        return handler;
    }

    private synchronized void connected(CompletableFuture<ClientConnection> result, @Nullable ClientConnection c,
            @Nullable Throwable failure) {
        connecting = null;
        if (c != null) {
            failures = 0;
            connections.add(c);
            preferred = c;
            result.complete(c);
            return;
        }
        failures++;
        long backoff = Math.min(MAX_BACKOFF_NANOS, FIRST_BACKOFF_NANOS << Math.min(failures - 1, 10));
        downUntil = scheduler.nanoTime() + backoff;
        lastError = failure == null ? "closed" : String.valueOf(failure.getMessage());
        result.completeExceptionally(new NotSentException(Status.UNAVAILABLE, "cannot connect to tcp://" + name + ": "
                + lastError));
    }

    void close() {
        for (ClientConnection c : connections) {
            c.close();
        }
        connections.clear();
    }

    @Override
    public String toString() {
        return name;
    }
}
