package dev.parley.transport.tcp.internal;

import dev.parley.message.HeaderNames;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * The header names Parley itself sends, so that reading a frame finds them instead of making a new string
 * per header per frame; and which of them carry the same value call after call on a connection.
 */
final class KnownHeaders {

    static final String[] NAMES = {
        HeaderNames.MESSAGE_ID, HeaderNames.CORRELATION_ID, HeaderNames.CONTRACT, HeaderNames.VERSION,
        HeaderNames.OPERATION, HeaderNames.CONTENT_TYPE, HeaderNames.DEADLINE, HeaderNames.CLIENT,
        HeaderNames.STATUS, HeaderNames.ERROR_TYPE, HeaderNames.ONE_WAY, HeaderNames.ATTEMPT,
        HeaderNames.TRACEPARENT, HeaderNames.REPLY_TO, HeaderNames.RESPONDER, HeaderNames.FALLBACK,
        Frame.LAST_STREAM,
    };

    /** Whether the value of {@code NAMES[i]} is worth remembering: ids and trace contexts change every call. */
    static final boolean[] REPEATS = new boolean[NAMES.length];

    private static final byte[][] BYTES = new byte[NAMES.length][];

    static {
        Set<String> changing = Set.of(HeaderNames.MESSAGE_ID, HeaderNames.CORRELATION_ID, HeaderNames.TRACEPARENT);
        for (int i = 0; i < NAMES.length; i++) {
            BYTES[i] = NAMES[i].getBytes(StandardCharsets.US_ASCII);
            REPEATS[i] = !changing.contains(NAMES[i]);
        }
    }

    private KnownHeaders() {
    }

    /** The index in {@link #NAMES} of the name in {@code block[offset, offset + length)}, or -1. */
    static int find(byte[] block, int offset, int length) {
        for (int i = 0; i < BYTES.length; i++) {
            byte[] b = BYTES[i];
            if (b.length == length && Arrays.equals(b, 0, length, block, offset, offset + length)) {
                return i;
            }
        }
        return -1;
    }
}
