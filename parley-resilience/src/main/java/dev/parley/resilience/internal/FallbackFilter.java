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
    private final @Nullable Source source;
    private final @Nullable Service alternate;
    private final @Nullable Observer observer;
    private final FailureClassifier classifier;
    private final ResilienceListener listener;
    private final String mediaType;

    public FallbackFilter(String name, String kind, Source source, @Nullable Observer observer,
            FailureClassifier classifier, ResilienceListener listener, String mediaType) {
        this(name, kind, source, null, observer, classifier, listener, mediaType);
    }

    /**
     * Sends a failed call once more, to {@code alternate} (another endpoint). Its reply is the answer unless
     * the classifier counts it as a failure too; then the caller sees the first failure.
     */
    public static FallbackFilter endpoint(String name, String address, Service alternate, FailureClassifier classifier,
            ResilienceListener listener, String mediaType) {
        return new FallbackFilter(name, "endpoint " + address, null, alternate, null, classifier, listener,
                mediaType);
    }

    private FallbackFilter(String name, String kind, @Nullable Source source, @Nullable Service alternate,
            @Nullable Observer observer, FailureClassifier classifier, ResilienceListener listener,
            String mediaType) {
        this.name = name;
        this.kind = kind;
        this.source = source;
        this.alternate = alternate;
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
        if (covered && alternate != null) {
            askAlternate(alternate, request, result, outcome, reply, failure);
            return;
        }
        byte[] body = null;
        if (covered && source != null) {
            Throwable why = failure != null ? Errors.unwrap(failure) : Errors.toException(reply, null);
            try {
                body = source.body(request, why);
            } catch (RuntimeException e) {
                body = null; // a broken fallback must not hide the real failure
            }
        }
        if (body == null) {
            fail(result, reply, failure);
            return;
        }
        Events.emit(listener, new ResilienceEvent.FallbackUsed(name, kind, outcome.status()));
        result.complete(Message.of(Errors.replyHeaders(request)
                .with(HeaderNames.CONTENT_TYPE, mediaType)
                .with(HeaderNames.FALLBACK, kind), body));
    }

    private void askAlternate(Service to, Message request, CompletableFuture<Message> result, Outcome first,
            @Nullable Message reply, @Nullable Throwable failure) {
        CompletableFuture<Message> second;
        try {
            second = to.call(request).toCompletableFuture();
        } catch (RuntimeException e) {
            second = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Message> sent = second;
        result.whenComplete((m, e) -> {
            if (result.isCancelled()) {
                sent.cancel(true);
            }
        });
        sent.whenComplete((answer, error) -> {
            Outcome outcome = Outcome.of(answer, error);
            if (answer == null || outcome.status() == dev.parley.Status.CANCELLED || classifier.isFailure(outcome)) {
                if (failure != null && error != null && failure != error) {
                    failure.addSuppressed(Errors.unwrap(error));
                }
                fail(result, reply, failure);
                return;
            }
            Events.emit(listener, new ResilienceEvent.FallbackUsed(name, kind, first.status()));
            result.complete(answer.withHeader(HeaderNames.FALLBACK, kind));
        });
    }

    private static void fail(CompletableFuture<Message> result, @Nullable Message reply, @Nullable Throwable failure) {
        if (failure != null) {
            result.completeExceptionally(failure);
        } else {
            result.complete(reply);
        }
    }

    @Override
    public String name() {
        return "fallback(" + kind + ")";
    }
}
