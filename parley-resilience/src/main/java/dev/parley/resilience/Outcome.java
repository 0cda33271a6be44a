package dev.parley.resilience;

import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.message.Message;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * How a call ended, as every policy sees it: the status, and whether a policy of this client refused it
 * before it was sent.
 *
 * @param status OK, or the failure's status (error replies and failed stages alike)
 * @param rejectedLocally whether a bulkhead or breaker of this client refused the call
 */
public record Outcome(Status status, boolean rejectedLocally) {

    public static final Outcome OK = new Outcome(Status.OK, false);

    /** The outcome of a stage that completed with {@code reply} or {@code failure}. */
    public static Outcome of(@Nullable Message reply, @Nullable Throwable failure) {
        if (failure == null) {
            return reply == null || reply.status() == Status.OK ? OK : new Outcome(reply.status(), false);
        }
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof RejectedException r) {
            return new Outcome(r.status(), true);
        }
        if (t instanceof ParleyException p) {
            return new Outcome(p.status(), false);
        }
        if (t instanceof CancellationException) {
            return new Outcome(Status.CANCELLED, false);
        }
        return new Outcome(Status.UNKNOWN, false);
    }
}
