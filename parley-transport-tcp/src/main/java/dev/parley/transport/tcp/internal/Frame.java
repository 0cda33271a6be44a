package dev.parley.transport.tcp.internal;

import dev.parley.message.Headers;

/**
 * One frame of docs/protocol.md: type, flags, stream id, headers and body.
 *
 * @param type one of the constants below
 * @param flags {@link #ACK} on a ping answer, else 0
 * @param streamId 0 for connection frames (ping, go-away)
 * @param headers the decoded header block
 * @param body the body bytes, owned by the frame
 * @param deadlineMillis when not negative, written as the {@link dev.parley.message.HeaderNames#DEADLINE} header
 *        (in place of any in {@code headers}), so that sending a request does not copy its headers
 */
record Frame(int type, int flags, int streamId, Headers headers, byte[] body, long deadlineMillis) {

    /** A frame with {@code headers} as they are. */
    Frame(int type, int flags, int streamId, Headers headers, byte[] body) {
        this(type, flags, streamId, headers, body, -1);
    }

    static final int REQUEST = 0x01;
    static final int RESPONSE = 0x02;
    static final int ONE_WAY = 0x03;
    static final int CANCEL = 0x04;
    static final int ERROR = 0x05;
    static final int PING = 0x06;
    static final int GO_AWAY = 0x07;

    static final int ACK = 0x01;

    static final byte[] NO_BODY = new byte[0];

    /** The header carrying a go-away's last stream id. */
    static final String LAST_STREAM = "parley-last-stream";

    static boolean isKnown(int type) {
        return type >= REQUEST && type <= GO_AWAY;
    }

    static String typeName(int type) {
        return switch (type) {
            case REQUEST -> "REQUEST";
            case RESPONSE -> "RESPONSE";
            case ONE_WAY -> "ONE_WAY";
            case CANCEL -> "CANCEL";
            case ERROR -> "ERROR";
            case PING -> "PING";
            case GO_AWAY -> "GO_AWAY";
            default -> String.format("0x%02x", type);
        };
    }

    @Override
    public String toString() {
        return typeName(type) + "[stream=" + streamId + ", " + headers + ", " + body.length + " bytes]";
    }
}
