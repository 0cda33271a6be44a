package dev.parley.transport.tcp.internal;

import dev.parley.Status;

/**
 * A connection error (docs/protocol.md): the connection that caused it gets a go-away with this status,
 * unless {@link #silent}, and is closed. No other connection is touched.
 */
final class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Status status;
    private final boolean silent;

    private ProtocolException(Status status, String message, boolean silent) {
        super(message, null, false, false);
        this.status = status;
        this.silent = silent;
    }

    static ProtocolException malformed(String message) {
        return new ProtocolException(Status.INVALID_ARGUMENT, "malformed frame: " + message, false);
    }

    static ProtocolException tooLarge(String message) {
        return new ProtocolException(Status.RESOURCE_EXHAUSTED, message, false);
    }

    static ProtocolException unsupportedVersion(int major) {
        return new ProtocolException(Status.UNIMPLEMENTED, "protocol version " + major
                + " is not supported; this peer speaks " + Preface.MAJOR + "." + Preface.MINOR, false);
    }

    /** Not a Parley peer: close without a word. */
    static ProtocolException notParley() {
        return new ProtocolException(Status.INVALID_ARGUMENT, "not a Parley connection (bad preface)", true);
    }

    Status status() {
        return status;
    }

    boolean silent() {
        return silent;
    }
}
