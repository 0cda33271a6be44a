package dev.parley.transport.http.internal;

import dev.parley.NotSentException;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.transport.http.HttpOptions;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The pooled keep-alive connections of a client to one {@code host:port} (Netty's {@link FixedChannelPool}):
 * up to {@code maxConnectionsPerEndpoint}, calls beyond that wait for a connection in order.
 */
final class Endpoint implements AutoCloseable {

    private final String name;
    private final FixedChannelPool pool;

    Endpoint(InetSocketAddress address, EventLoops loops, HttpOptions options) {
        this.name = address.getHostString() + ":" + address.getPort();
        Bootstrap b = new Bootstrap()
                .group(loops.group())
                .channel(loops.channel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
                .remoteAddress(address);
        // Idle connections close a little before a server with the same settings would close them.
        long idle = Math.max(1, options.idleTimeout().toMillis() * 9 / 10);
        this.pool = new FixedChannelPool(b, new AbstractChannelPoolHandler() {
            @Override
            public void channelCreated(Channel ch) {
                ch.pipeline().addLast(
                        new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS),
                        new HttpClientCodec(4096, options.maxHeaderBytes(), 8192),
                        new HttpObjectAggregator(options.maxBodyBytes()),
                        new ClientHandler(name));
            }
        }, options.maxConnectionsPerEndpoint(), options.maxPendingCalls());
    }

    String name() {
        return name;
    }

    /** Sends {@code request} (which this method releases) on a pooled connection. */
    CompletableFuture<ClientHandler.Response> send(FullHttpRequest request) {
        CompletableFuture<ClientHandler.Response> result = new CompletableFuture<>();
        pool.acquire().addListener(f -> {
            @SuppressWarnings("unchecked")
            Future<Channel> acquired = (Future<Channel>) f;
            if (!acquired.isSuccess()) {
                request.release();
                result.completeExceptionally(refused(acquired.cause()));
            } else if (result.isDone()) {
                request.release();
                pool.release(acquired.getNow());
            } else {
                start(acquired.getNow(), request, result);
            }
        });
        return result;
    }

    private void start(Channel ch, FullHttpRequest request, CompletableFuture<ClientHandler.Response> result) {
        ClientHandler handler = ch.pipeline().get(ClientHandler.class);
        ClientHandler.Call call = new ClientHandler.Call(keep -> {
            if (!keep) {
                ch.close();
            }
            pool.release(ch);
        });
        handler.begin(call);
        call.result.whenComplete((r, t) -> {
            if (t != null) {
                result.completeExceptionally(t);
            } else {
                result.complete(r);
            }
        });
        // A caller that gives up closes the connection: the server cancels the handler when it goes.
        result.whenComplete((r, t) -> {
            if (result.isCancelled() && handler.isCurrent(call)) {
                ch.close();
            }
        });
        ch.writeAndFlush(request).addListener(w -> {
            if (!w.isSuccess() && handler.isCurrent(call)) {
                ch.close(); // the handler fails the call when the connection goes
            }
        });
    }

    private ParleyException refused(Throwable cause) {
        return cause instanceof IllegalStateException
                ? new NotSentException(Status.RESOURCE_EXHAUSTED, "http://" + name + ": too many calls waiting for a"
                        + " connection")
                : new NotSentException(Status.UNAVAILABLE, "http://" + name + " cannot be reached: " + cause, cause);
    }

    @Override
    public void close() {
        pool.close();
    }
}
