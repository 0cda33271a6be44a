package dev.parley.transport.http.internal;

import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.service.Service;
import dev.parley.time.Scheduler;
import dev.parley.transport.Registration;
import dev.parley.transport.ServedContracts;
import dev.parley.transport.http.HttpOptions;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A listening socket serving the contracts of one address as REST resources. It learns the contracts from
 * the router ({@link ServedContracts}) and rebuilds its routes when they change; closing it stops accepting,
 * lets in-flight calls finish within the grace period, then closes the connections.
 */
final class HttpServer implements Registration {

    private final Channel listener;
    private final Set<ServerHandler> connections = ConcurrentHashMap.newKeySet();
    private final HttpOptions options;
    private final Registration routes;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** With {@code tls}, the server speaks HTTP/1.1 over TLS (no h2c); without it, HTTP/1.1 and h2c. */
    HttpServer(EventLoops loops, InetSocketAddress address, Service router, Scheduler scheduler, Negotiation negotiation,
            HttpOptions options, @Nullable SslContext tls) {
        this.options = options;
        Dispatcher dispatcher = new Dispatcher(router, scheduler, negotiation);
        if (!(router instanceof ServedContracts served)) {
            throw new IllegalArgumentException("http:// serves contracts as resources and needs to know them: the "
                    + "handler must implement " + ServedContracts.class.getName() + " (Parley's router does)");
        }
        ServerBootstrap b = new ServerBootstrap()
                .group(loops.group())
                .channel(loops.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ServerHandler handler = new ServerHandler(dispatcher, options.maxPipelined());
                        connections.add(handler);
                        ch.closeFuture().addListener(f -> connections.remove(handler));
                        HttpServerCodec http1 = new HttpServerCodec(options.maxInitialLineBytes(),
                                options.maxHeaderBytes(), 8192);
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(
                                new IdleStateHandler(0, 0, options.idleTimeout().toMillis(), TimeUnit.MILLISECONDS),
                                tls != null ? http1 : H2c.handler(http1, dispatcher, options),
                                new Aggregator(options.maxBodyBytes()),
                                handler);
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
        this.routes = served.onChange(dispatcher::update);
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        routes.close();
        listener.close().syncUninterruptibly();
        List<CompletableFuture<Void>> drains = connections.stream().map(ServerHandler::drain).toList();
        try {
            CompletableFuture.allOf(drains.toArray(CompletableFuture[]::new))
                    .get(options.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // grace is over: the connections still open are closed below, cancelling what runs on them
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ServerHandler h : connections) {
            h.close();
        }
    }

    @Override
    public String toString() {
        return "http server " + listener.localAddress();
    }
}
