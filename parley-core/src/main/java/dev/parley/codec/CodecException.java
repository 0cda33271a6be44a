package dev.parley.codec;

import dev.parley.ParleyException;
import dev.parley.Status;
import org.jspecify.annotations.Nullable;

/** A body that cannot be encoded (INTERNAL) or decoded (INVALID_ARGUMENT). */
public final class CodecException extends ParleyException {

    private static final long serialVersionUID = 1L;

    public CodecException(Status status, String message, @Nullable Throwable cause) {
        super(status, message, cause);
    }

    /** A body that could not be read; {@code message} names the field where it can. */
    public static CodecException decode(String message, @Nullable Throwable cause) {
        return new CodecException(Status.INVALID_ARGUMENT, message, cause);
    }

    /** A value that could not be written. */
    public static CodecException encode(String message, @Nullable Throwable cause) {
        return new CodecException(Status.INTERNAL, message, cause);
    }
}
