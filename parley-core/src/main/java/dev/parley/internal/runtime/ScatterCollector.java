package dev.parley.internal.runtime;

import dev.parley.Deadline;
import dev.parley.Replies;
import dev.parley.Reply;
import dev.parley.Status;
import dev.parley.codec.Codecs;
import dev.parley.contract.OperationDescriptor;
import dev.parley.message.HeaderNames;
import dev.parley.message.Message;
import dev.parley.time.Scheduler;
import dev.parley.transport.Registration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Collects the replies to one published request until the window closes, {@code atMost} replies arrived,
 * or the deadline passes. It keeps listening until the deadline so that late replies are counted, then
 * stops.
 */
final class ScatterCollector implements Consumer<Message> {

    private final OperationDescriptor op;
    private final OperationCodecs codecs;
    private final String mediaType;
    private final int atMost;
    private final Deadline deadline;
    private final Scheduler scheduler;
    private final long started;
    private final List<Reply<Object>> replies = new ArrayList<>();
    private final AtomicLong late = new AtomicLong();
    private final CompletableFuture<Replies<Object>> result = new CompletableFuture<>();
    private final List<Scheduler.Cancellable> timers = new ArrayList<>(2);
    private @Nullable Registration listening;
    private boolean done;

    ScatterCollector(OperationDescriptor op, OperationCodecs codecs, String mediaType, int atMost,
            Deadline deadline) {
        this.op = op;
        this.codecs = codecs;
        this.mediaType = mediaType;
        this.atMost = atMost;
        this.deadline = deadline;
        this.scheduler = deadline.scheduler();
        this.started = scheduler.nanoTime();
    }

    CompletableFuture<Replies<Object>> result() {
        return result;
    }

    /** Starts the clocks: the window and the deadline, whichever is first ends collection. */
    synchronized void start(Duration window) {
        Duration left = deadline.remaining();
        if (window.compareTo(left) < 0) {
            timers.add(scheduler.schedule(() -> finish(Replies.End.WINDOW_CLOSED), window));
        }
        timers.add(scheduler.schedule(this::deadlinePassed, left));
    }

    /** The transport's registration for replies; closed once the deadline has passed. */
    synchronized void listening(Registration registration) {
        if (deadline.isExpired()) {
            registration.close();
        } else {
            listening = registration;
        }
    }

    @Override
    public void accept(Message message) {
        Reply<Object> reply = toReply(message);
        synchronized (this) {
            if (done) {
                late.incrementAndGet();
                return;
            }
            replies.add(reply);
            if (atMost > 0 && replies.size() >= atMost) {
                finish(Replies.End.COUNT_REACHED);
            }
        }
    }

    synchronized void fail(Throwable failure) {
        done = true;
        timers.forEach(Scheduler.Cancellable::cancel);
        result.completeExceptionally(failure);
    }

    private synchronized void deadlinePassed() {
        finish(Replies.End.DEADLINE);
        if (listening != null) {
            listening.close();
        }
    }

    private synchronized void finish(Replies.End end) {
        if (done) {
            return;
        }
        done = true;
        // The deadline timer stays: until it fires, late replies are still counted.
        result.complete(new Replies<>(replies, end, atMost, late::get));
    }

    private Reply<Object> toReply(Message message) {
        String who = message.header(HeaderNames.RESPONDER);
        String responder = who == null ? "unknown" : who;
        Duration latency = Duration.ofNanos(scheduler.nanoTime() - started);
        if (message.status() != Status.OK) {
            return Reply.failure(responder, Errors.toException(message, op), latency);
        }
        try {
            String type = message.header(HeaderNames.CONTENT_TYPE);
            Object value = codecs.decodeResult(type == null ? mediaType : Codecs.normalize(type), message.body());
            return Reply.success(responder, value, latency);
        } catch (RuntimeException e) {
            return Reply.failure(responder, e, latency);
        }
    }
}
