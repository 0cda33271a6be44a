package dev.parley.resilience.internal;

import dev.parley.internal.runtime.Errors;
import dev.parley.message.HeaderNames;
import dev.parley.message.Message;
import dev.parley.resilience.FailureClassifier;
import dev.parley.resilience.Outcome;
import dev.parley.resilience.ResilienceEvent;
import dev.parley.resilience.ResilienceListener;
import dev.parley.service.Filter;
import dev.parley.service.Service;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Answers in the server's place when a call fails in a way the classifier counts, or was refused by one of
 * this client's own policies (an open breaker, a full bulkhead). A caller's mistake is not covered up. The
 * reply carries {@code parley-fallback} so the caller can tell.
 */
public final class FallbackFilter implements Filter {

    /** Makes the fallback body for a request, or returns {@code null} when it has none. */
    @FunctionalInterface
    public interface Source {
        byte @Nullable [] body(Message request, Throwable failure);
    }

    /** Sees every successful reply (the last-good fallback remembers them). */
    @FunctionalInterface
    public interface Observer {
        void succeeded(Message request, Message reply);
    }

    private final String name;
    private final String kind;
    private final Source source;
    private final @Nullable Observer observer;
    private final FailureClassifier classifier;
    private final ResilienceListener listener;
    private final String mediaType;

    public FallbackFilter(String name, String kind, Source source, @Nullable Observer observer,
            FailureClassifier classifier, ResilienceListener listener, String mediaType) {
        this.name = name;
        this.kind = kind;
        this.source = source;
        this.observer = observer;
        this.classifier = classifier;
        this.listener = listener;
        this.mediaType = mediaType;
    }

    @Override
    public CompletionStage<Message> filter(Message request, Service next) {
        CompletableFuture<Message> downstream;
        try {
            downstream = next.call(request).toCompletableFuture();
        } catch (RuntimeException e) {
            downstream = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Message> result = new CompletableFuture<>();
        CompletableFuture<Message> sent = downstream;
        sent.whenComplete((reply, failure) -> answer(request, result, reply, failure));
        result.whenComplete((m, e) -> {
            if (result.isCancelled()) {
                sent.cancel(true);
            }
        });
        return result;
    }

    private void answer(Message request, CompletableFuture<Message> result, @Nullable Message reply,
            @Nullable Throwable failure) {
        Outcome outcome = Outcome.of(reply, failure);
        if (outcome.status() == dev.parley.Status.OK) {
            if (observer != null && reply != null) {
                observer.succeeded(request, reply);
            }
            result.complete(reply);
            return;
        }
        boolean covered = outcome.status() != dev.parley.Status.CANCELLED
                && (outcome.rejectedLocally() || classifier.isFailure(outcome));
        byte[] body = null;
        if (covered) {
            Throwable why = failure != null ? Errors.unwrap(failure) : Errors.toException(reply, null);
            try {
                body = source.body(request, why);
            } catch (RuntimeException e) {
                body = null; // a broken fallback must not hide the real failure
            }
        }
        if (body == null) {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(reply);
            }
            return;
        }
        Events.emit(listener, new ResilienceEvent.FallbackUsed(name, kind, outcome.status()));
        result.complete(Message.of(Errors.replyHeaders(request)
                .with(HeaderNames.CONTENT_TYPE, mediaType)
                .with(HeaderNames.FALLBACK, kind), body));
    }

    @Override
    public String name() {
        return "fallback(" + kind + ")";
    }
}
