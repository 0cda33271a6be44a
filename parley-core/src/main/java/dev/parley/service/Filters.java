package dev.parley.service;

import static java.util.Objects.requireNonNull;

import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.internal.runtime.Relay;
import dev.parley.message.Message;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/** Builds filter chains whose {@code toString()} shows the order a request travels. */
public final class Filters {

    private Filters() {
    }

    /**
     * {@code filters} around {@code terminal}; the first filter sees the request first.
     * A filter that throws instead of returning a failed stage is named in the error.
     */
    public static Service chain(List<? extends Filter> filters, Service terminal) {
        requireNonNull(terminal, "terminal");
        Service next = terminal;
        for (int i = filters.size() - 1; i >= 0; i--) {
            next = new Link(requireNonNull(filters.get(i), "filters[" + i + "]"), next);
        }
        return next;
    }

    /**
     * Like {@code stage.whenComplete(action)}: the returned stage completes as {@code stage} does, after
     * {@code action} has run, so a policy's bookkeeping is done before the caller sees the reply. Unlike it,
     * cancelling the returned stage cancels {@code stage}, so a caller's cancellation reaches the transport.
     */
    public static CompletableFuture<Message> whenComplete(CompletionStage<Message> stage,
            BiConsumer<? super @Nullable Message, ? super @Nullable Throwable> action) {
        CompletableFuture<Message> source = stage.toCompletableFuture();
        if (source.isDone() && !source.isCompletedExceptionally()) {
            try {
                action.accept(source.resultNow(), null); // answered already: nothing to wait for or to cancel
            } catch (RuntimeException e) {
                // as below: the bookkeeping's failure does not change the reply
            }
            return source;
        }
        if (source instanceof Relay inner && !inner.isDone() && inner.add(action)) {
            return inner; // the filter below already waits: its relay runs this action too, after its own
        }
        Relay relay = new Relay(source, action);
        source.whenComplete(relay);
        return relay;
    }

    private record Link(Filter filter, Service next) implements Service {

        @Override
        public CompletionStage<Message> call(Message request) {
            try {
                CompletionStage<Message> reply = filter.filter(request, next);
                if (reply == null) {
                    return failed(filter, "returned null");
                }
                return reply;
            } catch (RuntimeException e) {
                return failed(filter, "threw " + e);
            }
        }

        private static CompletionStage<Message> failed(Filter filter, String what) {
            return CompletableFuture.failedFuture(new ParleyException(Status.INTERNAL,
                    "filter '" + filter.name() + "' " + what + " instead of returning a stage"));
        }

        @Override
        public String toString() {
            return filter.name() + " -> " + next;
        }
    }
}
