package dev.parley.transport.tcp.internal;

import io.netty.buffer.ByteBuf;

/** The 8-byte connection preface: magic "PRLY", major, minor, two reserved bytes. */
final class Preface {

    static final int MAGIC = 0x50524C59;
    static final int MAJOR = 1;
    static final int MINOR = 0;
    static final int LENGTH = 8;

    private Preface() {
    }

    static void write(ByteBuf out) {
        out.writeInt(MAGIC).writeByte(MAJOR).writeByte(MINOR).writeShort(0);
    }

    /** Reads and checks a preface; the buffer must hold {@link #LENGTH} bytes. */
    static void read(ByteBuf in) {
        if (in.readInt() != MAGIC) {
            throw ProtocolException.notParley();
        }
        int major = in.readUnsignedByte();
        in.skipBytes(3); // minor versions are compatible; reserved bytes are ignored
        if (major != MAJOR) {
            throw ProtocolException.unsupportedVersion(major);
        }
    }
}
