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
    /** The handler's own thread while it runs the call, which cancelling interrupts; guarded by this. */
    private @Nullable Thread interruptible;

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

    /**
     * Runs {@code body} as {@link #run} does, on a thread of its own that {@link #cancel} may interrupt; does
     * nothing when the call was cancelled before it started.
     */
    void runInterruptibly(Runnable body) {
        synchronized (this) {
            if (cancelled) {
                return;
            }
            interruptible = Thread.currentThread();
        }
        try {
            run(body);
        } finally {
            synchronized (this) {
                interruptible = null; // from here on the thread is no longer this call's to interrupt
            }
        }
    }

    void cancel() {
        synchronized (this) {
            cancelled = true;
            if (interruptible != null) {
                interruptible.interrupt();
            }
        }
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
