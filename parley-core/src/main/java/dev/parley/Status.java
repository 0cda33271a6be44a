package dev.parley;

import org.jspecify.annotations.Nullable;

/**
 * The one status vocabulary of every transport (gRPC's code set). Each transport maps it to its own
 * wire form: a frame header, an HTTP status, a broker message property.
 */
public enum Status {
    OK(0),
    CANCELLED(1),
    UNKNOWN(2),
    INVALID_ARGUMENT(3),
    DEADLINE_EXCEEDED(4),
    NOT_FOUND(5),
    ALREADY_EXISTS(6),
    PERMISSION_DENIED(7),
    RESOURCE_EXHAUSTED(8),
    FAILED_PRECONDITION(9),
    ABORTED(10),
    OUT_OF_RANGE(11),
    UNIMPLEMENTED(12),
    INTERNAL(13),
    UNAVAILABLE(14),
    DATA_LOSS(15),
    UNAUTHENTICATED(16);

    private static final Status[] BY_CODE = values();

    private final int code;

    Status(int code) {
        this.code = code;
    }

    /** The numeric code, the same as gRPC's. */
    public int code() {
        return code;
    }

    /** The status for a numeric code, or {@code null} when the code is unknown. */
    public static @Nullable Status ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** Parses a status name as sent in the status header; unknown names give {@link #UNKNOWN}. */
    public static Status parse(@Nullable String name) {
        if (name == null) {
            return OK;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
