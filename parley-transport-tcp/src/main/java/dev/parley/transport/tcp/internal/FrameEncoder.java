package dev.parley.transport.tcp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Frames to bytes. Stateless, so one instance serves every connection. */
@ChannelHandler.Sharable
final class FrameEncoder extends MessageToByteEncoder<Frame> {

    static final FrameEncoder INSTANCE = new FrameEncoder();

    private FrameEncoder() {
        super(Frame.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Frame frame, ByteBuf out) {
        FrameCodec.write(frame, out);
    }
}
