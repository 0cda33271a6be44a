package dev.parley.transport.http.internal;

import dev.parley.Status;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server connection. Requests may be pipelined: replies go out in request order, whatever order the
 * handlers finish in. Past {@code maxPipelined} unanswered requests the connection stops reading until it
 * catches up. Closing the connection cancels what is in flight. State is touched on the event loop only.
 */
final class ServerHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ServerHandler.class);

    private final Dispatcher dispatcher;
    private final int maxPipelined;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private boolean closing;
    private boolean draining;
    private @Nullable ChannelHandlerContext context;

    private static final class Pending {
        final CompletableFuture<FullHttpResponse> future;
        final boolean keepAlive;
        @Nullable FullHttpResponse response;

        Pending(CompletableFuture<FullHttpResponse> future, boolean keepAlive) {
            this.future = future;
            this.keepAlive = keepAlive;
        }
    }

    ServerHandler(Dispatcher dispatcher, int maxPipelined) {
        this.dispatcher = dispatcher;
        this.maxPipelined = maxPipelined;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing || !(msg == Aggregator.TOO_LARGE || msg instanceof FullHttpRequest)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        Pending p;
        if (msg == Aggregator.TOO_LARGE) {
            p = new Pending(CompletableFuture.completedFuture(Responses.problem(Problems.of(413,
                    Status.RESOURCE_EXHAUSTED, "the request body is larger than the limit"))), false);
        } else {
            FullHttpRequest request = (FullHttpRequest) msg;
            try {
                p = accept(request);
            } finally {
                request.release();
            }
        }
        queue.add(p);
        p.future.whenComplete((r, t) -> {
            if (ctx.executor().inEventLoop()) {
                ready(ctx, p, r, t);
            } else {
                ctx.executor().execute(() -> ready(ctx, p, r, t));
            }
        });
        if (queue.size() >= maxPipelined) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    private Pending accept(FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            int code = cause instanceof TooLongHttpHeaderException ? 431
                    : cause instanceof TooLongHttpLineException ? 414 : 400;
            String detail = cause instanceof TooLongFrameException ? "the request's "
                    + (code == 431 ? "headers are" : "line is") + " longer than the limit" : "malformed HTTP request";
            return new Pending(CompletableFuture.completedFuture(Responses.problem(Problems.of(code,
                    code == 400 ? Status.INVALID_ARGUMENT : Status.RESOURCE_EXHAUSTED, detail))), false);
        }
        if (draining) {
            return new Pending(CompletableFuture.completedFuture(Responses.problem(Problems.of(503,
                    Status.UNAVAILABLE, "the server is shutting down"))), false);
        }
        return new Pending(dispatcher.handle(request), HttpUtil.isKeepAlive(request));
    }

    private void ready(ChannelHandlerContext ctx, Pending p, @Nullable FullHttpResponse r, @Nullable Throwable t) {
        if (p.future.isCancelled()) {
            return;
        }
        if (r == null) {
            LOG.warn("answering a request failed", t);
            r = Responses.problem(Problems.of(500, Status.INTERNAL, "the server failed to answer (see its log)"));
        }
        if (closing || !ctx.channel().isActive()) {
            r.release();
            return;
        }
        p.response = r;
        flush(ctx);
    }

    private void flush(ChannelHandlerContext ctx) {
        boolean wrote = false;
        while (!queue.isEmpty() && queue.peek().response != null) {
            Pending p = queue.poll();
            FullHttpResponse r = p.response;
            boolean keepAlive = p.keepAlive && !draining;
            HttpUtil.setKeepAlive(r, keepAlive);
            if (!keepAlive) {
                closing = true;
                ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.write(r);
            wrote = true;
        }
        if (wrote) {
            ctx.flush();
        }
        if (queue.size() < maxPipelined && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
        if (draining && queue.isEmpty()) {
            drained.complete(null);
            closing = true;
            ctx.close();
        }
    }

    /** Stops taking requests; completes once the last reply is out and the connection closes. */
    CompletableFuture<Void> drain() {
        ChannelHandlerContext ctx = context;
        if (ctx == null || !ctx.channel().isActive()) {
            return CompletableFuture.completedFuture(null);
        }
        ctx.executor().execute(() -> {
            draining = true;
            if (queue.isEmpty()) {
                drained.complete(null);
                closing = true;
                ctx.close();
            }
        });
        return drained;
    }

    /** Closes the connection now and waits for it (end of the shutdown grace). */
    void close() {
        ChannelHandlerContext ctx = context;
        if (ctx != null) {
            ctx.channel().close().awaitUninterruptibly(2, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof HttpServerUpgradeHandler.UpgradeEvent) {
            H2c.http1Only(ctx.pipeline()); // upgraded to h2c: each stream has its own handler from now on
            ctx.fireUserEventTriggered(event);
        } else if (event instanceof IdleStateEvent && queue.isEmpty()) {
            closing = true;
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        for (Pending p : queue) {
            p.future.cancel(true);
            if (p.response != null) {
                p.response.release();
            }
        }
        queue.clear();
        drained.complete(null);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection from {} failed", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }
}
