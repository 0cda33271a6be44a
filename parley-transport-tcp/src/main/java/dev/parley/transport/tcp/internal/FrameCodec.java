package dev.parley.transport.tcp.internal;

import dev.parley.message.Headers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes frames. {@link #read} is a pure function of the buffer, so the fuzz test drives it
 * directly: it returns a frame, returns {@code null} when more bytes are needed (consuming nothing), or
 * throws {@link ProtocolException}. A length over the limit is refused as soon as the length is read,
 * before any of the frame is buffered.
 */
final class FrameCodec {

    /** Type, flags, stream id and header length: the fixed part after the length field. */
    static final int FIXED = 8;

    private final int maxFrameBytes;
    private final int maxHeaderBytes;

    FrameCodec(int maxFrameBytes, int maxHeaderBytes) {
        this.maxFrameBytes = maxFrameBytes;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    @Nullable Frame read(ByteBuf in) {
        if (in.readableBytes() < 4) {
            return null;
        }
        long length = in.getUnsignedInt(in.readerIndex());
        if (length < FIXED) {
            throw ProtocolException.malformed("length " + length + " is under " + FIXED);
        }
        if (length > maxFrameBytes) {
            throw ProtocolException.tooLarge("frame of " + length + " bytes exceeds the limit of " + maxFrameBytes);
        }
        if (in.readableBytes() < 4 + length) {
            return null;
        }
        in.skipBytes(4);
        int type = in.readUnsignedByte();
        int flags = in.readUnsignedByte();
        int streamId = in.readInt();
        int headerLength = in.readUnsignedShort();
        if (!Frame.isKnown(type)) {
            in.skipBytes((int) length - FIXED);
            throw ProtocolException.malformed("unknown frame type " + Frame.typeName(type));
        }
        if (streamId < 0) {
            in.skipBytes((int) length - FIXED);
            throw ProtocolException.malformed("stream id " + Integer.toUnsignedString(streamId) + " is over 2^31-1");
        }
        if (headerLength > maxHeaderBytes) {
            in.skipBytes((int) length - FIXED);
            throw ProtocolException.tooLarge("header block of " + headerLength + " bytes exceeds the limit of "
                    + maxHeaderBytes);
        }
        if (headerLength > length - FIXED) {
            in.skipBytes((int) length - FIXED);
            throw ProtocolException.malformed("header block of " + headerLength + " bytes overruns the frame");
        }
        Headers headers = readHeaders(in.readSlice(headerLength));
        byte[] body = new byte[(int) length - FIXED - headerLength];
        in.readBytes(body);
        return new Frame(type, flags, streamId, headers, body);
    }

    private static Headers readHeaders(ByteBuf block) {
        Headers h = Headers.empty();
        while (block.isReadable()) {
            int nameLength = block.readUnsignedByte();
            if (nameLength == 0 || block.readableBytes() < nameLength + 2) {
                throw ProtocolException.malformed("header entry does not fit its block");
            }
            for (int i = 0; i < nameLength; i++) {
                byte b = block.getByte(block.readerIndex() + i);
                if (b < 0x21 || b > 0x7e) {
                    throw ProtocolException.malformed(String.format(
                            "header name byte 0x%02x is not visible ASCII", b & 0xff));
                }
            }
            String name = block.readCharSequence(nameLength, StandardCharsets.US_ASCII).toString();
            int valueLength = block.readUnsignedShort();
            if (block.readableBytes() < valueLength) {
                throw ProtocolException.malformed("header '" + name + "' value does not fit its block");
            }
            h = h.with(name, block.readCharSequence(valueLength, StandardCharsets.UTF_8).toString());
        }
        return h;
    }

    /** Writes {@code frame}; the caller keeps frames within the limits it sends under. */
    static void write(Frame frame, ByteBuf out) {
        int start = out.writerIndex();
        out.writeInt(0); // length, filled in below
        out.writeByte(frame.type()).writeByte(frame.flags()).writeInt(frame.streamId());
        int headerStart = out.writerIndex();
        out.writeShort(0);
        frame.headers().forEach((name, value) -> writeHeader(out, name, value));
        int headerLength = out.writerIndex() - headerStart - 2;
        if (headerLength > 0xFFFF) {
            throw new IllegalArgumentException("header block of " + headerLength + " bytes is too long for a frame");
        }
        out.setShort(headerStart, headerLength);
        out.writeBytes(frame.body());
        out.setInt(start, out.writerIndex() - start - 4);
    }

    /** Names are visible ASCII (Headers guarantees it), values UTF-8; both written straight into the buffer. */
    private static void writeHeader(ByteBuf out, String name, String value) {
        int valueLength = ByteBufUtil.utf8Bytes(value);
        if (name.length() > 255 || valueLength > 0xFFFF) {
            throw new IllegalArgumentException("header '" + name + "' is too long for a frame");
        }
        out.writeByte(name.length());
        ByteBufUtil.writeAscii(out, name);
        out.writeShort(valueLength);
        ByteBufUtil.writeUtf8(out, value);
    }

    /** The encoded size of a header block, for checking limits before writing. */
    static int headerBlockSize(dev.parley.message.Headers headers) {
        int[] size = {0};
        headers.forEach((name, value) -> size[0] += 3 + name.length() + ByteBufUtil.utf8Bytes(value));
        return size[0];
    }
}
