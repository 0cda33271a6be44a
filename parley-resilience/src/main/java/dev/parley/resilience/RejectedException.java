package dev.parley.resilience;

import dev.parley.ParleyException;
import dev.parley.Status;

/**
 * A call a policy of this client refused before sending it: a full bulkhead (RESOURCE_EXHAUSTED) or an open
 * circuit breaker (UNAVAILABLE). The message says which policy and why. Made once per policy and shared:
 * it has no stack trace, so a rejection costs nothing.
 */
public final class RejectedException extends ParleyException {

    private static final long serialVersionUID = 1L;

    public RejectedException(Status status, String message) {
        super(status, message, null);
        setStackTrace(new StackTraceElement[0]);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
