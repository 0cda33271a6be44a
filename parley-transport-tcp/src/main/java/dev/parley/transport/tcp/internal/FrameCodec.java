package dev.parley.transport.tcp.internal;

import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
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
    /** The last header block read; one per connection, since a codec reads for one decoder. */
    private byte[] scratch = new byte[256];
    /** The last value of each of {@link KnownHeaders#NAMES}, reused while it does not change. */
    private final @Nullable String[] lastValues = new String[KnownHeaders.NAMES.length];

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
        Headers headers = readHeaders(in, headerLength);
        byte[] body = new byte[(int) length - FIXED - headerLength];
        in.readBytes(body);
        return new Frame(type, flags, streamId, headers, body);
    }

    /**
     * The header block, copied out of the (usually direct) buffer in one go and parsed from the copy: byte by
     * byte access to a direct buffer goes through NIO's checks, as Netty has no {@code Unsafe} on JDK 25.
     */
    private Headers readHeaders(ByteBuf in, int headerLength) {
        if (headerLength == 0) {
            return Headers.empty();
        }
        byte[] block = scratch(headerLength);
        in.readBytes(block, 0, headerLength);
        // An entry takes 4 bytes at least; Headers.of copies what it keeps.
        String[] namesAndValues = new String[Math.min(2 * ((headerLength + 3) / 4), 32)];
        int n = 0;
        int i = 0;
        while (i < headerLength) {
            int nameLength = block[i++] & 0xff;
            if (nameLength == 0 || headerLength - i < nameLength + 2) {
                throw ProtocolException.malformed("header entry does not fit its block");
            }
            for (int k = i; k < i + nameLength; k++) {
                byte b = block[k];
                if (b < 0x21 || b > 0x7e) {
                    throw ProtocolException.malformed(String.format(
                            "header name byte 0x%02x is not visible ASCII", b & 0xff));
                }
            }
            int known = KnownHeaders.find(block, i, nameLength);
            String name = known >= 0 ? KnownHeaders.NAMES[known] : new String(block, i, nameLength,
                    StandardCharsets.US_ASCII);
            i += nameLength;
            int valueLength = ((block[i] & 0xff) << 8) | (block[i + 1] & 0xff);
            i += 2;
            if (headerLength - i < valueLength) {
                throw ProtocolException.malformed("header '" + name + "' value does not fit its block");
            }
            if (n == namesAndValues.length) {
                namesAndValues = java.util.Arrays.copyOf(namesAndValues, 2 * n + 2);
            }
            namesAndValues[n++] = name;
            namesAndValues[n++] = value(known, block, i, valueLength);
            i += valueLength;
        }
        return Headers.of(n == namesAndValues.length ? namesAndValues : java.util.Arrays.copyOf(namesAndValues, n));
    }

    /** A header's value; the same string as last time when a header that repeats per call has not changed. */
    private String value(int known, byte[] block, int offset, int length) {
        if (known < 0 || !KnownHeaders.REPEATS[known]) {
            return new String(block, offset, length, StandardCharsets.UTF_8);
        }
        String last = lastValues[known];
        if (last != null && sameAscii(last, block, offset, length)) {
            return last;
        }
        String value = new String(block, offset, length, StandardCharsets.UTF_8);
        lastValues[known] = value;
        return value;
    }

    private static boolean sameAscii(String s, byte[] block, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            byte b = block[offset + k];
            if (b < 0 || s.charAt(k) != b) {
                return false;
            }
        }
        return true;
    }

    private byte[] scratch(int size) {
        if (scratch.length < size) {
            scratch = new byte[Math.max(size, Math.min(2 * scratch.length, maxHeaderBytes))];
        }
        return scratch;
    }

    /** Writes {@code frame}; the caller keeps frames within the limits it sends under. */
    static void write(Frame frame, ByteBuf out) {
        int start = out.writerIndex();
        out.writeInt(0); // length, filled in below
        out.writeByte(frame.type()).writeByte(frame.flags()).writeInt(frame.streamId());
        int headerStart = out.writerIndex();
        out.writeShort(0);
        HeaderWriter writer = new HeaderWriter(out, frame.deadlineMillis() >= 0);
        frame.headers().forEach(writer);
        if (frame.deadlineMillis() >= 0) {
            writeDeadline(out, frame.deadlineMillis());
        }
        int headerLength = out.writerIndex() - headerStart - 2;
        if (headerLength > 0xFFFF) {
            throw new IllegalArgumentException("header block of " + headerLength + " bytes is too long for a frame");
        }
        out.setShort(headerStart, headerLength);
        out.writeBytes(frame.body());
        out.setInt(start, out.writerIndex() - start - 4);
    }

    /** What {@link #write} writes for {@code frame} with up to 512 bytes of headers (the buffer grows for more). */
    static int sizeHint(Frame frame) {
        return 4 + FIXED + 512 + frame.body().length;
    }

    /** Writes each header; with a deadline to write, one already among the headers is left out. */
    private record HeaderWriter(ByteBuf out, boolean skipDeadline) implements BiConsumer<String, String> {

        @Override
        public void accept(String name, String value) {
            if (!skipDeadline || !name.equals(HeaderNames.DEADLINE)) {
                writeHeader(out, name, value);
            }
        }
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

    /** The deadline header, its digits written without making a string of them. */
    private static void writeDeadline(ByteBuf out, long millis) {
        out.writeByte(DEADLINE_NAME.length);
        out.writeBytes(DEADLINE_NAME);
        int digits = digits(millis);
        out.writeShort(digits);
        int end = out.writerIndex() + digits;
        out.ensureWritable(digits);
        long rest = millis;
        for (int i = end - 1; i >= end - digits; i--) {
            out.setByte(i, (int) ('0' + rest % 10));
            rest /= 10;
        }
        out.writerIndex(end);
    }

    private static final byte[] DEADLINE_NAME = HeaderNames.DEADLINE.getBytes(StandardCharsets.US_ASCII);

    private static int digits(long n) {
        int d = 1;
        for (long rest = n / 10; rest > 0; rest /= 10) {
            d++;
        }
        return d;
    }

    /** The encoded size of a header block, for checking limits before writing. */
    static int headerBlockSize(Headers headers, long deadlineMillis) {
        return measure(headers, deadlineMillis).bytes;
    }

    /** The size of a header block and the first entry that no frame can carry, before writing it. */
    static HeaderBlock measure(Headers headers, long deadlineMillis) {
        HeaderBlock block = new HeaderBlock(deadlineMillis >= 0);
        headers.forEach(block);
        if (deadlineMillis >= 0) {
            block.bytes += 3 + DEADLINE_NAME.length + digits(deadlineMillis);
        }
        return block;
    }

    static final class HeaderBlock implements BiConsumer<String, String> {
        private final boolean skipDeadline;
        int bytes;
        /** The name of the first header whose name or value is over what an entry's length fields hold. */
        @Nullable String tooLong;

        HeaderBlock(boolean skipDeadline) {
            this.skipDeadline = skipDeadline;
        }

        @Override
        public void accept(String name, String value) {
            if (!skipDeadline || !name.equals(HeaderNames.DEADLINE)) {
                int valueBytes = ByteBufUtil.utf8Bytes(value);
                bytes += 3 + name.length() + valueBytes;
                if (tooLong == null && (name.length() > 255 || valueBytes > 0xFFFF)) {
                    tooLong = name;
                }
            }
        }
    }
}
