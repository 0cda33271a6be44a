package dev.parley.transport.tcp.internal;

import dev.parley.NotSentException;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.internal.runtime.Errors;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import dev.parley.transport.tcp.TcpOptions;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.jspecify.annotations.Nullable;

/**
 * One client connection: many calls at once, one stream each. Completes {@link #ready()} when the server's
 * preface arrives; fails every call in flight with UNAVAILABLE when the connection goes.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter {

    private final String endpoint;
    private final TcpOptions options;
    private final AtomicInteger nextStream = new AtomicInteger(1);
    private final Map<Integer, Call> pending = new ConcurrentHashMap<>();
    /** Requests in flight, reserved before they are sent; one-way messages are not streams that stay open. */
    private final AtomicInteger streams = new AtomicInteger();
    private final CompletableFuture<ClientConnection> ready = new CompletableFuture<>();
    private volatile boolean goingAway;
    private final Channel channel;

    ClientConnection(String endpoint, TcpOptions options, Channel channel) {
        this.endpoint = endpoint;
        this.options = options;
        this.channel = channel;
    }

    CompletableFuture<ClientConnection> ready() {
        return ready;
    }

    /** Whether new calls may start here: open, not going away, ids left, below the stream limit. */
    boolean hasRoom() {
        return isUsable() && streams.get() < options.maxConcurrentStreams();
    }

    boolean isUsable() {
        return channel.isActive() && !goingAway && nextStream.get() > 0;
    }

    int inFlight() {
        return streams.get();
    }

    /**
     * Sends {@code request}, or returns {@code null} without sending when the connection has no stream to
     * spare: the count is reserved atomically, so callers on several threads never exceed the server's
     * limit together (the server counts no fewer streams than this: it forgets one before it answers).
     */
    @Nullable CompletableFuture<Message> tryCall(Message request) {
        if (request.isOneWay()) {
            return call(request, false);
        }
        int n;
        do {
            n = streams.get();
            if (n >= options.maxConcurrentStreams()) {
                return null;
            }
        } while (!streams.compareAndSet(n, n + 1));
        return call(request, true);
    }

    private CompletableFuture<Message> call(Message request, boolean counted) {
        boolean oneWay = request.isOneWay();
        long budget = Frames.budgetMillis(request);
        ParleyException tooBig = Frames.checkSize(request.headers(), request.body(), budget, options.maxFrameBytes(),
                options.maxHeaderBytes());
        if (tooBig != null) {
            return failed(counted, tooBig);
        }
        int type = oneWay ? Frame.ONE_WAY : Frame.REQUEST;
        // Stream ids must reach the wire in the order they are taken (the server refuses one that goes back):
        // taking an id and queueing its write happen together, whichever threads call.
        synchronized (this) {
            int id = nextStream.getAndAdd(2);
            if (id < 0) {
                return failed(counted, unavailable("stream ids on this connection are used up"));
            }
            Frame frame = new Frame(type, 0, id, request.headers(), request.body(), budget);
            if (oneWay) {
                CompletableFuture<Message> reply = new CompletableFuture<>();
                Runnable send = () -> channel.writeAndFlush(frame).addListener(written -> {
                    if (written.isSuccess()) {
                        reply.complete(Message.of(Errors.replyHeaders(request)));
                    } else {
                        reply.completeExceptionally(unavailable("cannot send: " + written.cause()));
                    }
                });
                if (channel.eventLoop().inEventLoop()) {
                    channel.eventLoop().execute(send);
                } else {
                    send.run();
                }
                return reply;
            }
            Call reply = new Call(id, counted);
            pending.put(id, reply);
            if (!channel.isActive()) {
                // Closed before the entry was in: channelInactive may have missed it.
                pending.remove(id);
                reply.completeExceptionally(unavailable("the connection closed"));
                return reply;
            }
            // A failed write closes the connection, which fails every pending call: no listener per call.
            if (channel.eventLoop().inEventLoop()) {
                // On the I/O thread a write would go out at once, ahead of writes other threads have queued
                // with lower ids: queue it behind them instead.
                channel.eventLoop().execute(() -> channel.writeAndFlush(frame, channel.voidPromise()));
            } else {
                channel.writeAndFlush(frame, channel.voidPromise());
            }
            return reply;
        }
    }

    private CompletableFuture<Message> failed(boolean counted, Throwable failure) {
        if (counted) {
            streams.decrementAndGet();
        }
        return CompletableFuture.failedFuture(failure);
    }

    /**
     * The reply to one request: whichever way it ends (answered, failed, cancelled by the caller), its stream
     * is given back before anyone waiting on it runs, and a cancelled one is cancelled on the server too. One
     * object per call where listeners on a plain future would take several.
     */
    private final class Call extends CompletableFuture<Message> {

        private static final AtomicIntegerFieldUpdater<Call> ENDED =
                AtomicIntegerFieldUpdater.newUpdater(Call.class, "ended");

        private final int id;
        private final boolean counted;
        private volatile int ended;

        Call(int id, boolean counted) {
            this.id = id;
            this.counted = counted;
        }

        private boolean end() {
            if (!ENDED.compareAndSet(this, 0, 1)) {
                return false;
            }
            if (counted) {
                streams.decrementAndGet();
            }
            return true;
        }

        @Override
        public boolean complete(Message value) {
            return end() && super.complete(value);
        }

        @Override
        public boolean completeExceptionally(Throwable failure) {
            return end() && super.completeExceptionally(failure);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (!end()) {
                return false;
            }
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (pending.remove(id) != null) {
                channel.writeAndFlush(new Frame(Frame.CANCEL, 0, id, Headers.empty(), Frame.NO_BODY),
                        channel.voidPromise());
            }
            return cancelled;
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new CompletableFuture<>(); // futures derived from this one are plain ones
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == FrameDecoder.PREFACE_RECEIVED) {
            ready.complete(this);
        } else if (event instanceof SslHandshakeCompletionEvent tls && !tls.isSuccess()) {
            ready.completeExceptionally(unavailable("TLS handshake failed: " + rootMessage(tls.cause())));
            ctx.fireUserEventTriggered(event);
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Frame frame = (Frame) msg;
        switch (frame.type()) {
            case Frame.RESPONSE -> {
                Call reply = pending.remove(frame.streamId());
                if (reply != null) {
                    reply.complete(Message.of(frame.headers(), frame.body()));
                }
            }
            case Frame.ERROR -> {
                // The server refused the stream before dispatching it: the handler never ran.
                Call reply = pending.remove(frame.streamId());
                if (reply != null) {
                    reply.completeExceptionally(new NotSentException(errorStatus(frame), "tcp://" + endpoint + ": "
                            + Frames.text(frame.body())));
                }
            }
            case Frame.GO_AWAY -> goAway(frame);
            case Frame.PING -> {
                if ((frame.flags() & Frame.ACK) == 0) {
                    ctx.writeAndFlush(new Frame(Frame.PING, Frame.ACK, 0, frame.headers(), frame.body()));
                }
            }
            default -> throw ProtocolException.malformed(Frame.typeName(frame.type()) + " is not sent by servers");
        }
    }

    /** Streams above the server's last one were never started, so failing them is safe to retry. */
    private void goAway(Frame frame) {
        goingAway = true;
        String last = frame.headers().get(Frame.LAST_STREAM);
        int lastStream = last == null ? Integer.MAX_VALUE : parse(last);
        Status status = Status.parse(frame.headers().get(HeaderNames.STATUS));
        ParleyException refused = new NotSentException(Status.UNAVAILABLE, "tcp://" + endpoint
                + ": the server is going away (" + status + ": " + Frames.text(frame.body()) + ")");
        ready.completeExceptionally(refused);
        pending.forEach((id, reply) -> {
            if (id > lastStream && pending.remove(id, reply)) {
                reply.completeExceptionally(refused);
            }
        });
    }

    /** An ERROR frame's status; one without a failure status is itself a fault of the peer. */
    private static Status errorStatus(Frame frame) {
        Status s = Status.parse(frame.headers().get(HeaderNames.STATUS));
        return s == Status.OK ? Status.UNKNOWN : s;
    }

    private static int parse(String last) {
        try {
            return Integer.parseInt(last);
        } catch (NumberFormatException e) {
            throw ProtocolException.malformed(Frame.LAST_STREAM + " is not a number: " + last);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ParleyException closed = unavailable("the connection closed");
        ready.completeExceptionally(closed);
        pending.forEach((id, reply) -> reply.completeExceptionally(closed));
        pending.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ProtocolException p = Frames.protocolError(cause);
        if (p != null) {
            Frames.fail(ctx.channel(), p, 0);
        } else {
            ctx.close();
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    private ParleyException unavailable(String why) {
        return new ParleyException(Status.UNAVAILABLE, "tcp://" + endpoint + ": " + why);
    }

    void close() {
        channel.close();
    }

    @Override
    public String toString() {
        return "connection to " + endpoint + " (" + pending.size() + " in flight)";
    }
}
