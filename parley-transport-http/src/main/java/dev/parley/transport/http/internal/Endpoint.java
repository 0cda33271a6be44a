package dev.parley.transport.http.internal;

import dev.parley.transport.http.HttpOptions;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;

/**
 * A client's way to one {@code host:port}: a {@link ConnectionPool} of keep-alive connections, each with one
 * call at a time.
 */
final class Endpoint implements AutoCloseable {

    private final String name;
    private final ConnectionPool pool;

    /** With {@code tls}, connections speak TLS and check that the server's certificate names the host dialled. */
    Endpoint(InetSocketAddress address, EventLoops loops, HttpOptions options, @Nullable SslContext tls) {
        this.name = address.getHostString() + ":" + address.getPort();
        Bootstrap b = new Bootstrap()
                .group(loops.group())
                .channel(loops.channel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
                .remoteAddress(address);
        // Idle connections close a little before a server with the same settings would close them.
        long idle = Math.max(1, options.idleTimeout().toMillis() * 9 / 10);
        b.handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                if (tls != null) {
                    SslHandler handler = tls.newHandler(ch.alloc(), address.getHostString(), address.getPort());
                    SSLParameters parameters = handler.engine().getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    handler.engine().setSSLParameters(parameters);
                    ch.pipeline().addLast(handler);
                }
                ch.pipeline().addLast(
                        new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS),
                        new HttpClientCodec(4096, options.maxHeaderBytes(), 8192),
                        new HttpObjectAggregator(options.maxBodyBytes()),
                        new ClientHandler((tls == null ? "http://" : "https://") + name));
            }
        });
        this.pool = new ConnectionPool(b, (tls == null ? "http://" : "https://") + name, options.maxConnectionsPerEndpoint(),
                options.maxPendingCalls());
    }

    String name() {
        return name;
    }

    /** Sends {@code request} (which this method releases) on a pooled connection. */
    CompletableFuture<ClientHandler.Response> send(FullHttpRequest request) {
        CompletableFuture<ClientHandler.Response> result = new CompletableFuture<>();
        CompletableFuture<Channel> acquired = pool.acquire();
        if (acquired.isDone() && !acquired.isCompletedExceptionally()) {
            start(acquired.resultNow(), request, result); // an idle connection: no listener to go through
            return result;
        }
        acquired.whenComplete((ch, failure) -> {
            if (failure != null) {
                request.release();
                result.completeExceptionally(failure);
            } else if (result.isDone()) {
                request.release();
                pool.release(ch);
            } else {
                start(ch, request, result);
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
            if (!w.isSuccess()) {
                handler.failed(call, w.cause());
                ch.close();
            }
        });
    }

    @Override
    public void close() {
        pool.close();
    }
}
