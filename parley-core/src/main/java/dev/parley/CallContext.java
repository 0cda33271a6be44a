package dev.parley;

import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import org.jspecify.annotations.Nullable;

/**
 * What a server handler knows about the call it is handling: the deadline, the request headers, and
 * whether the caller has given up. Set by the server runtime on the handler's thread; a client stub
 * called from that thread inherits the remaining deadline without being told.
 *
 * <p>The context lives on the handler's thread. Work moved to another thread by the handler does not see
 * it; pass the deadline along explicitly there.
 */
public final class CallContext {

    private static final ThreadLocal<@Nullable CallContext> CURRENT = new ThreadLocal<>();

    private final String contract;
    private final String operation;
    private final Headers headers;
    private final @Nullable Deadline deadline;
    private volatile boolean cancelled;

    public CallContext(String contract, String operation, Headers headers, @Nullable Deadline deadline) {
        this.contract = contract;
        this.operation = operation;
        this.headers = headers;
        this.deadline = deadline;
    }

    /** The context of the call being handled on this thread, or {@code null} outside a handler. */
    public static @Nullable CallContext current() {
        return CURRENT.get();
    }

    /** Runs {@code body} with this context as the current one. Used by the server runtime. */
    public void run(Runnable body) {
        CallContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            body.run();
        } finally {
            CURRENT.set(previous);
        }
    }

    public String contract() {
        return contract;
    }

    public String operation() {
        return operation;
    }

    public Headers headers() {
        return headers;
    }

    /** The caller's deadline, or {@code null} for events, which have none. */
    public @Nullable Deadline deadline() {
        return deadline;
    }

    /** Who is calling, when the client named itself. */
    public @Nullable String client() {
        return headers.get(HeaderNames.CLIENT);
    }

    /** Whether the caller gave up (cancelled, or its deadline passed); a long handler should check. */
    public boolean isCancelled() {
        return cancelled || (deadline != null && deadline.isExpired());
    }

    /** Marks the call cancelled. Used by the server runtime. */
    public void cancel() {
        cancelled = true;
    }
}
