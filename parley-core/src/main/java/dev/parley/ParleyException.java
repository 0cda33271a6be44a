package dev.parley;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A call that did not succeed, with its {@link Status}. Exceptions declared on a contract method cross the
 * wire as themselves; every other failure reaches the caller as a {@code ParleyException}.
 */
public class ParleyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Status status;

    public ParleyException(Status status, String message) {
        this(status, message, null);
    }

    public ParleyException(Status status, String message, @Nullable Throwable cause) {
        super(status + ": " + requireNonNull(message, "message"), cause);
        if (status == Status.OK) {
            throw new IllegalArgumentException("status: OK (expected: a failure status)");
        }
        this.status = status;
    }

    /** What went wrong, in the shared vocabulary. */
    public Status status() {
        return status;
    }

    /** The message without the status prefix. */
    public String detail() {
        String m = getMessage();
        return m.substring(status.name().length() + 2);
    }

    @Override
    public String getMessage() {
        return requireNonNull(super.getMessage());
    }
}
