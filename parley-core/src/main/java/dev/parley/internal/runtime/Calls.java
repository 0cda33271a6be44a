package dev.parley.internal.runtime;

import dev.parley.CallContext;
import dev.parley.Deadline;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.OperationDescriptor;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/** Helpers that client stubs and publishers share: deadlines, request headers, waiting. */
final class Calls {

    private Calls() {
    }

    /** The call's deadline: the client's timeout, or less when the handler calling it has less left. */
    static Deadline deadline(RuntimeContext ctx, Duration timeout) {
        Deadline own = Deadline.after(timeout, ctx.scheduler());
        CallContext caller = CallContext.current();
        Deadline inherited = caller == null ? null : caller.deadline();
        return inherited == null ? own : own.min(inherited);
    }

    /** The headers every request of {@code op} carries, apart from the message id. */
    static Headers template(ContractDescriptor contract, OperationDescriptor op, String mediaType,
            @Nullable String clientName) {
        Headers h = Headers.of(
                HeaderNames.CONTRACT, contract.name(),
                HeaderNames.VERSION, contract.version(),
                HeaderNames.OPERATION, op.name(),
                HeaderNames.CONTENT_TYPE, mediaType);
        if (clientName != null) {
            h = h.with(HeaderNames.CLIENT, clientName);
        }
        return h;
    }

    /**
     * Waits for {@code f} on the caller's thread, rethrowing its failure as the caller should see it. An
     * interrupted caller cancels the call.
     */
    static @Nullable Object await(CompletableFuture<?> f) throws Throwable {
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new ParleyException(Status.CANCELLED, "the calling thread was interrupted");
        } catch (ExecutionException e) {
            throw Errors.unwrap(e);
        }
    }
}
