package dev.parley.transport.tcp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Bytes to frames, after the peer's preface. Once a frame is refused, every later byte is dropped: the
 * connection is on its way out and nothing more of it is trusted.
 */
final class FrameDecoder extends ByteToMessageDecoder {

    /** Fired once the peer's preface has been read and accepted. */
    static final Object PREFACE_RECEIVED = new Object();

    private final FrameCodec codec;
    private boolean prefaceRead;
    private boolean failed;

    FrameDecoder(FrameCodec codec) {
        this.codec = codec;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            if (!prefaceRead) {
                if (in.readableBytes() < Preface.LENGTH) {
                    return;
                }
                Preface.read(in);
                prefaceRead = true;
                ctx.fireUserEventTriggered(PREFACE_RECEIVED);
            }
            Frame frame = codec.read(in);
            if (frame != null) {
                out.add(frame);
            }
        } catch (ProtocolException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }
}
