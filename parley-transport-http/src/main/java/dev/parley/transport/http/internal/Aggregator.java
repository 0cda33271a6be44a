package dev.parley.transport.http.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * Netty's aggregator with the body limit answered in problem+json: an oversized request becomes a
 * {@link #TOO_LARGE} marker that the connection handler answers with 413, in its turn among pipelined replies.
 */
final class Aggregator extends HttpObjectAggregator {

    /** Read in place of a request whose body is over the limit. */
    static final Object TOO_LARGE = new Object() {
        @Override
        public String toString() {
            return "request body too large";
        }
    };

    Aggregator(int maxBodyBytes) {
        super(maxBodyBytes);
    }

    @Override
    protected @Nullable Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object r = super.newContinueResponse(start, maxContentLength, pipeline);
        if (r instanceof HttpResponse h && h.status().equals(HttpResponseStatus.EXPECTATION_FAILED)) {
            // Too large: answered with 413 and problem+json by handleOversizedMessage instead of a bare 417.
            ReferenceCountUtil.release(r);
            return null;
        }
        return r;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        ctx.fireChannelRead(TOO_LARGE);
    }
}
