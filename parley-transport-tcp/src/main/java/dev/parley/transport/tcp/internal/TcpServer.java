package dev.parley.transport.tcp.internal;

import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.service.Service;
import dev.parley.time.Scheduler;
import dev.parley.transport.Registration;
import dev.parley.transport.tcp.TcpOptions;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A listening socket and its connections; closing it drains them (docs/protocol.md, Shutdown). */
final class TcpServer implements Registration {

    private final Channel listener;
    private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private final TcpOptions options;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private TcpServer(EventLoops loops, InetSocketAddress address, Service router, Scheduler scheduler,
            TcpOptions options) {
        this.options = options;
        ServerBootstrap b = new ServerBootstrap()
                .group(loops.group())
                .channel(loops.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ServerConnection connection = new ServerConnection(router, scheduler, options);
                        connections.add(connection);
                        channels.add(ch);
                        ch.closeFuture().addListener(f -> {
                            connections.remove(connection);
                            channels.remove(ch);
                        });
                        if (options.serverTls() != null) {
                            ch.pipeline().addLast(options.serverTls().newHandler(ch.alloc()));
                        }
                        // Many small frames in flight: one syscall per batch, not per frame.
                        ch.pipeline().addLast(new FlushConsolidationHandler(256, true));
                        ch.pipeline().addLast(
                                new FrameDecoder(new FrameCodec(options.maxFrameBytes(), options.maxHeaderBytes())),
                                FrameEncoder.INSTANCE, connection);
                    }
                });
        try {
            this.listener = b.bind(address).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParleyException(Status.CANCELLED, "interrupted while binding " + address);
        } catch (RuntimeException e) {
            throw new ParleyException(Status.UNAVAILABLE, "cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    static TcpServer bind(EventLoops loops, InetSocketAddress address, Service router, Scheduler scheduler,
            TcpOptions options) {
        return new TcpServer(loops, address, router, scheduler, options);
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** How many client connections are open. */
    int connectionCount() {
        return channels.size();
    }

    /** Stops accepting, sends go-away, waits for in-flight calls up to the grace period, then closes. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        listener.close().syncUninterruptibly();
        List<CompletableFuture<Void>> drains = connections.stream().map(ServerConnection::drain).toList();
        try {
            CompletableFuture.allOf(drains.toArray(CompletableFuture[]::new))
                    .get(options.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // grace is over: what is still running is cut off below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Replies written by the last handlers must go out before the connection does: flush behind them,
        // then close, and wait for the closes so the event loops are not shut down under them.
        List<io.netty.channel.ChannelFuture> closes = new java.util.ArrayList<>();
        for (Channel ch : channels) {
            ch.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(f -> ch.close());
            closes.add(ch.closeFuture());
        }
        for (io.netty.channel.ChannelFuture f : closes) {
            f.awaitUninterruptibly(options.shutdownGrace().toMillis());
        }
    }

    @Override
    public String toString() {
        return "tcp server " + listener.localAddress();
    }
}
