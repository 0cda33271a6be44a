package dev.parley.transport.http.internal;

import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AsciiString;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One pooled client connection: at most one call at a time (no pipelining on the client, so a slow reply
 * never holds up another call). The call is set from the pool's thread and finished on the connection's.
 */
final class ClientHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

    /** A response as received: status, content type and body, copied off the connection's buffers. */
    record Response(int status, @Nullable String contentType, byte[] body, Headers parley) {
    }

    /** The call on this connection and what to do with the connection once it is over (keep or close). */
    static final class Call {
        final CompletableFuture<Response> result = new CompletableFuture<>();
        private final Consumer<Boolean> release;
        private final AtomicBoolean released = new AtomicBoolean();

        Call(Consumer<Boolean> release) {
            this.release = release;
        }

        void release(boolean keep) {
            if (released.compareAndSet(false, true)) {
                release.accept(keep);
            }
        }
    }

    private final AtomicReference<@Nullable Call> current = new AtomicReference<>();
    private final String endpoint;

    ClientHandler(String endpoint) {
        this.endpoint = endpoint;
    }

    void begin(Call call) {
        current.set(call);
    }

    /** Whether {@code call} is still the one on this connection. */
    boolean isCurrent(Call call) {
        return current.get() == call;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse msg) {
        Call call = current.getAndSet(null);
        if (call == null) {
            ctx.close(); // a response nobody asked for: the connection is out of step
            return;
        }
        Response r = new Response(msg.status().code(), msg.headers().get(HttpHeaderNames.CONTENT_TYPE),
                ByteBufUtil.getBytes(msg.content()), parleyHeaders(msg));
        call.release(HttpUtil.isKeepAlive(msg));
        call.result.complete(r);
    }

    /** The reply's {@code parley-*} headers but its status and error type, which travel in the problem body. */
    private static Headers parleyHeaders(FullHttpResponse msg) {
        String[] h = null;
        int n = 0;
        Iterator<Map.Entry<CharSequence, CharSequence>> it = msg.headers().iteratorCharSequence();
        while (it.hasNext()) {
            Map.Entry<CharSequence, CharSequence> e = it.next();
            CharSequence key = e.getKey();
            if (AsciiString.regionMatches(key, true, 0, "parley-", 0, 7)) {
                String name = key.toString().toLowerCase(java.util.Locale.ROOT);
                if (!name.equals(HeaderNames.STATUS) && !name.equals(HeaderNames.ERROR_TYPE)) {
                    if (h == null) {
                        h = new String[2 * msg.headers().size()];
                    }
                    h[n++] = name;
                    h[n++] = e.getValue().toString();
                }
            }
        }
        return h == null ? Headers.empty() : Headers.of(n == h.length ? h : Arrays.copyOf(h, n));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && current.get() == null) {
            ctx.close(); // before the server's idle timeout closes it under a new call
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(new ParleyException(Status.UNAVAILABLE, endpoint + " closed the connection before replying"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable tls = tlsFailure(cause);
        fail(tls != null ? tlsFailed(tls)
                : cause instanceof TooLongFrameException
                ? new ParleyException(Status.RESOURCE_EXHAUSTED, endpoint + ": the reply is over the limit: "
                        + cause.getMessage())
                : new ParleyException(Status.UNAVAILABLE, endpoint + ": " + cause, cause));
        ctx.close();
    }

    /** Fails {@code call} when it is still the one on this connection (its request could not be written). */
    void failed(Call call, Throwable cause) {
        if (current.compareAndSet(call, null)) {
            call.release(false);
            Throwable tls = tlsFailure(cause);
            call.result.completeExceptionally(tls != null ? tlsFailed(tls) : new ParleyException(Status.UNAVAILABLE,
                    endpoint + ": the request could not be sent: " + cause, cause));
        }
    }

    private ParleyException tlsFailed(Throwable tls) {
        return new ParleyException(Status.UNAVAILABLE, endpoint + ": TLS handshake failed: " + tls.getMessage(), tls);
    }

    private static @Nullable Throwable tlsFailure(Throwable cause) {
        return cause instanceof javax.net.ssl.SSLException ? cause
                : cause.getCause() instanceof javax.net.ssl.SSLException s ? s : null;
    }

    private void fail(ParleyException e) {
        Call call = current.getAndSet(null);
        if (call != null) {
            call.release(false);
            call.result.completeExceptionally(e);
        }
    }
}
