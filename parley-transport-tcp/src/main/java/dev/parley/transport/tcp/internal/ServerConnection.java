package dev.parley.transport.tcp.internal;

import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.internal.runtime.Errors;
import dev.parley.message.Message;
import dev.parley.service.Service;
import dev.parley.time.Scheduler;
import dev.parley.transport.tcp.TcpOptions;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server connection: turns request frames into calls on the router, writes their replies, cancels on
 * CANCEL, and drains on shutdown. Frames are read on the connection's event loop; replies are written from
 * whichever thread finishes the handler (Netty moves the write onto the event loop).
 */
final class ServerConnection extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ServerConnection.class);

    private final Service router;
    private final Scheduler scheduler;
    private final TcpOptions options;
    private final Map<Integer, CompletableFuture<Message>> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    /** Requests (not notifications) in flight: what the concurrent-stream limit counts. */
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean draining;
    private int lastStream;
    private boolean prefaceSent;
    private @Nullable ScheduledFuture<?> prefaceTimer;
    private @Nullable Channel channel;

    ServerConnection(Service router, Scheduler scheduler, TcpOptions options) {
        this.router = router;
        this.scheduler = scheduler;
        this.options = options;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        prefaceTimer = ctx.executor().schedule(() -> {
            LOG.debug("no preface from {} within {}", ctx.channel().remoteAddress(), options.prefaceTimeout());
            ctx.close();
        }, options.prefaceTimeout().toMillis(), TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == FrameDecoder.PREFACE_RECEIVED) {
            cancelPrefaceTimer();
            sendPreface(ctx.channel());
        } else if (event instanceof SslHandshakeCompletionEvent tls && !tls.isSuccess()) {
            LOG.debug("TLS handshake with {} failed", ctx.channel().remoteAddress(), tls.cause());
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Frame frame = (Frame) msg;
        switch (frame.type()) {
            case Frame.REQUEST, Frame.ONE_WAY -> open(ctx.channel(), frame);
            case Frame.CANCEL -> cancel(frame.streamId());
            case Frame.PING -> ping(ctx.channel(), frame);
            case Frame.GO_AWAY -> LOG.debug("client {} is going away", ctx.channel().remoteAddress());
            default -> throw ProtocolException.malformed(Frame.typeName(frame.type()) + " is not sent by clients");
        }
    }

    private void open(Channel ch, Frame frame) {
        int id = frame.streamId();
        if (id <= lastStream || (id & 1) == 0) {
            throw ProtocolException.malformed("stream id " + id + " is not a new odd id (last was " + lastStream + ")");
        }
        lastStream = id;
        boolean oneWay = frame.type() == Frame.ONE_WAY;
        if (draining) {
            reject(ch, oneWay, id, Status.UNAVAILABLE, "the server is shutting down");
            return;
        }
        if (!oneWay && requests.get() >= options.maxConcurrentStreams()) {
            reject(ch, oneWay, id, Status.RESOURCE_EXHAUSTED, "more than " + options.maxConcurrentStreams()
                    + " calls in flight on this connection");
            return;
        }
        Message request = Frames.toMessage(frame, scheduler);
        if (!oneWay) {
            requests.incrementAndGet();
        }
        CompletableFuture<Message> reply = router.call(request).toCompletableFuture();
        inFlight.put(id, reply);
        reply.whenComplete((message, failure) -> finished(ch, oneWay, id, request, reply, message, failure));
    }

    private void finished(Channel ch, boolean oneWay, int id, Message request, CompletableFuture<Message> reply,
            @Nullable Message message, @Nullable Throwable failure) {
        inFlight.remove(id, reply);
        if (!oneWay) {
            requests.decrementAndGet(); // before the reply is written: the client counts it no sooner
        }
        if (!oneWay && !reply.isCancelled()) {
            Message out = message != null ? message : Errors.reply(request, failure, null);
            Frame frame = Frames.toFrame(Frame.RESPONSE, id, out);
            ParleyException tooBig = Frames.checkSize(frame, options.maxFrameBytes(), options.maxHeaderBytes());
            // No promise per reply: a write that fails closes the connection (exceptionCaught), which the
            // client sees at once, where a failed promise nobody listens to would leave it waiting.
            if (tooBig != null) {
                // The handler ran: its reply is replaced by an error reply, not refused with an ERROR frame,
                // which would tell the client the call never reached a handler (and may be retried).
                frame = Frames.toFrame(Frame.RESPONSE, id, Errors.reply(request, tooBig, null));
            }
            ch.writeAndFlush(frame, ch.voidPromise());
        } else if (oneWay && message != null && message.status() != Status.OK) {
            LOG.warn("notification {} failed: {}", request, Frames.text(message.body()));
        }
        if (draining && inFlight.isEmpty()) {
            drained.complete(null);
        }
    }

    private void reject(Channel ch, boolean oneWay, int id, Status status, String reason) {
        if (oneWay) {
            LOG.warn("notification on stream {} refused: {}", id, reason);
        } else {
            ch.writeAndFlush(Frames.error(id, status, reason));
        }
    }

    private void cancel(int id) {
        CompletableFuture<Message> reply = inFlight.remove(id);
        if (reply != null) {
            reply.cancel(true);
        }
    }

    private static void ping(Channel ch, Frame frame) {
        if (frame.streamId() != 0) {
            throw ProtocolException.malformed("PING on stream " + frame.streamId());
        }
        if ((frame.flags() & Frame.ACK) == 0) {
            ch.writeAndFlush(new Frame(Frame.PING, Frame.ACK, 0, frame.headers(), frame.body()));
        }
    }

    /** Sends go-away and completes once no call is in flight; the caller closes after a grace period. */
    CompletableFuture<Void> drain() {
        Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            return CompletableFuture.completedFuture(null);
        }
        ch.eventLoop().execute(() -> {
            draining = true;
            if (prefaceSent) {
                ch.writeAndFlush(Frames.goAway(Status.UNAVAILABLE, "the server is shutting down", lastStream));
            }
            if (inFlight.isEmpty()) {
                drained.complete(null);
            }
        });
        return drained;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelPrefaceTimer();
        inFlight.values().forEach(f -> f.cancel(true));
        inFlight.clear();
        drained.complete(null);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ProtocolException p = Frames.protocolError(cause);
        if (p == null) {
            LOG.debug("connection from {} failed", ctx.channel().remoteAddress(), cause);
            ctx.close();
            return;
        }
        LOG.debug("closing connection from {}: {}", ctx.channel().remoteAddress(), p.getMessage());
        cancelPrefaceTimer();
        if (!p.silent()) {
            sendPreface(ctx.channel()); // a client with the wrong version still learns why
        }
        Frames.fail(ctx.channel(), p, lastStream);
    }

    private void sendPreface(Channel ch) {
        if (!prefaceSent) {
            prefaceSent = true;
            Frames.writePreface(ch);
        }
    }

    private void cancelPrefaceTimer() {
        if (prefaceTimer != null) {
            prefaceTimer.cancel(false);
            prefaceTimer = null;
        }
    }
}
