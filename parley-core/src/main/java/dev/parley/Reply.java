package dev.parley;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One answer to a published request: who answered, and a value or an error.
 *
 * @param <R> the reply type
 */
public final class Reply<R> {

    private final String responder;
    private final @Nullable R value;
    private final @Nullable Throwable error;
    private final Duration latency;

    private Reply(String responder, @Nullable R value, @Nullable Throwable error, Duration latency) {
        this.responder = requireNonNull(responder, "responder");
        this.value = value;
        this.error = error;
        this.latency = requireNonNull(latency, "latency");
    }

    /** A successful reply. */
    public static <R> Reply<R> success(String responder, @Nullable R value, Duration latency) {
        return new Reply<>(responder, value, null, latency);
    }

    /** A failed reply: a {@link ParleyException} or an exception the operation declares. */
    public static <R> Reply<R> failure(String responder, Throwable error, Duration latency) {
        return new Reply<>(responder, null, requireNonNull(error, "error"), latency);
    }

    /** Who answered: the subscriber group, then the instance ({@code group/instance}). */
    public String responder() {
        return responder;
    }

    /** The subscriber group that answered. */
    public String group() {
        int slash = responder.indexOf('/');
        return slash < 0 ? responder : responder.substring(0, slash);
    }

    public boolean isSuccess() {
        return error == null;
    }

    /**
     * The value. When the reply failed, throws its error if unchecked, or a {@link ParleyException} with
     * status FAILED_PRECONDITION whose cause is the declared checked exception.
     */
    public @Nullable R value() {
        if (error instanceof RuntimeException r) {
            throw r;
        }
        if (error != null) {
            throw new ParleyException(Status.FAILED_PRECONDITION, responder + " failed: " + error, error);
        }
        return value;
    }

    /** The error, or {@code null} for a success. */
    public @Nullable Throwable error() {
        return error;
    }

    /** From publishing to receiving this reply. */
    public Duration latency() {
        return latency;
    }

    @Override
    public String toString() {
        return responder + (error == null ? " -> " + value : " !! " + error.getMessage());
    }
}
