package dev.parley.internal.runtime;

import dev.parley.CallContext;
import dev.parley.Deadline;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import org.jspecify.annotations.Nullable;

/** The {@link CallContext} of one call on the server, current on its handler's thread. */
public final class ServerCall implements CallContext {

    private static final ThreadLocal<@Nullable ServerCall> CURRENT = new ThreadLocal<>();

    private final String contract;
    private final String operation;
    private final Headers headers;
    private final @Nullable Deadline deadline;
    private volatile boolean cancelled;

    ServerCall(String contract, String operation, Headers headers, @Nullable Deadline deadline) {
        this.contract = contract;
        this.operation = operation;
        this.headers = headers;
        this.deadline = deadline;
    }

    public static @Nullable CallContext current() {
        return CURRENT.get();
    }

    /** Runs {@code body} with this call current on the thread. */
    void run(Runnable body) {
        ServerCall previous = CURRENT.get();
        CURRENT.set(this);
        try {
            body.run();
        } finally {
            CURRENT.set(previous);
        }
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public String contract() {
        return contract;
    }

    @Override
    public String operation() {
        return operation;
    }

    @Override
    public Headers headers() {
        return headers;
    }

    @Override
    public @Nullable Deadline deadline() {
        return deadline;
    }

    @Override
    public @Nullable String client() {
        return headers.get(HeaderNames.CLIENT);
    }

    @Override
    public boolean isCancelled() {
        return cancelled || (deadline != null && deadline.isExpired());
    }

    @Override
    public String toString() {
        return "CallContext[" + contract + "." + operation + ", " + deadline + (cancelled ? ", cancelled" : "") + "]";
    }
}
