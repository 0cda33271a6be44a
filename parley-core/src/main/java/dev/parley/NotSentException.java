package dev.parley;

/**
 * A call that never reached a handler: nothing was listening, the connection could not be made, or the
 * server refused the request before dispatching it (shutting down, too many calls). Retrying it is safe
 * even for an operation that is not {@link Idempotent}.
 */
public final class NotSentException extends ParleyException {

    private static final long serialVersionUID = 1L;

    public NotSentException(Status status, String message) {
        super(status, message);
    }

    public NotSentException(Status status, String message, Throwable cause) {
        super(status, message, cause);
    }
}
