package dev.parley.transport.tcp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Frames to bytes. Stateless, so one instance serves every connection.
 *
 * <p>A frame is written into a heap buffer sized for it, not into a direct one: without {@code Unsafe}
 * (Netty's default on JDK 25) each small write to a direct buffer goes through NIO's bounds and session
 * checks, while the transport copies a heap buffer to the socket's direct memory in one bulk copy.
 */
@ChannelHandler.Sharable
final class FrameEncoder extends MessageToByteEncoder<Frame> {

    static final FrameEncoder INSTANCE = new FrameEncoder();

    private FrameEncoder() {
        super(Frame.class, false);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Frame frame, boolean preferDirect) {
        return ctx.alloc().heapBuffer(FrameCodec.sizeHint(frame));
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Frame frame, ByteBuf out) {
        FrameCodec.write(frame, out);
    }
}
