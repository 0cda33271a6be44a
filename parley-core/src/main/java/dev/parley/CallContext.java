package dev.parley;

import dev.parley.internal.runtime.ServerCall;
import dev.parley.message.Headers;
import org.jspecify.annotations.Nullable;

/**
 * What a server handler knows about the call it is handling: the deadline, the request headers, and
 * whether the caller has given up. The server runtime sets it on the handler's thread; a client stub
 * called from that thread inherits the remaining deadline without being told.
 *
 * <p>The context lives on the handler's thread. Work the handler moves to another thread does not see it;
 * pass the deadline along explicitly there.
 */
public interface CallContext {

    /** The context of the call being handled on this thread, or {@code null} outside a handler. */
    static @Nullable CallContext current() {
        return ServerCall.current();
    }

    /** The contract's name. */
    String contract();

    /** The operation's name. */
    String operation();

    /** The request's headers. */
    Headers headers();

    /** The caller's deadline, or {@code null} for events, which have none. */
    @Nullable Deadline deadline();

    /** Who is calling, when the client named itself. */
    @Nullable String client();

    /** Whether the caller gave up (cancelled, or its deadline passed); a long handler should check. */
    boolean isCancelled();
}
