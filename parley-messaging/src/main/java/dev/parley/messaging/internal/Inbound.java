package dev.parley.messaging.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.Deadline;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.internal.runtime.Errors;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import dev.parley.messaging.Channels;
import dev.parley.messaging.MessagingHeaders;
import dev.parley.messaging.MessagingOptions;
import dev.parley.messaging.spi.Delivery;
import dev.parley.messaging.spi.DeliveryHandler;
import dev.parley.messaging.spi.Destination;
import dev.parley.service.Service;
import dev.parley.time.Scheduler;
import dev.parley.transport.Registration;
import dev.parley.transport.TransportContext;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery rules, once for every broker: one consumer of a queue or subscription. See MESSAGING.md beside
 * the module's pom for the rules and why.
 */
final class Inbound implements DeliveryHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);

    /** Outcomes that another attempt cannot change: dead-lettered at once. */
    private static final Set<Status> PERMANENT = EnumSet.of(Status.INVALID_ARGUMENT, Status.UNIMPLEMENTED,
            Status.FAILED_PRECONDITION, Status.DEADLINE_EXCEEDED, Status.NOT_FOUND, Status.OUT_OF_RANGE,
            Status.PERMISSION_DENIED, Status.UNAUTHENTICATED);

    private static final String FIRST = "1";

    private final Link link;
    private final Destination source;
    private final Destination.Queue deadLetter;
    private final Service handler;
    private final MessagingOptions options;
    private final TransportContext ctx;
    private final @Nullable Cache<String, Boolean> seen;
    private final Object drained = new Object();
    private int inFlight;
    private volatile boolean stopping;
    private volatile boolean crashed;
    private @Nullable Registration consumer;

    Inbound(Link link, Destination source, Service handler, MessagingOptions options, TransportContext ctx) {
        this.link = link;
        this.source = source;
        this.deadLetter = Channels.deadLetter(source);
        this.handler = handler;
        this.options = options;
        this.ctx = ctx;
        this.seen = options.deduplicate() == 0 ? null : Caffeine.newBuilder()
                .maximumSize(options.deduplicate())
                .expireAfterWrite(options.deduplicateFor().toNanos(), TimeUnit.NANOSECONDS)
                .build();
    }

    void start() {
        consumer = link.broker.consume(source, options.prefetch(), this);
    }

    @Override
    public void onDelivery(Delivery d) {
        if (stopping) {
            d.release();
            return;
        }
        synchronized (drained) {
            inFlight++;
        }
        try {
            receive(d);
        } catch (RuntimeException e) {
            LOG.error("delivery from {} failed before its handler ran; giving it back", Channels.describe(source), e);
            settle(d, false, null);
        }
    }

    private void receive(Delivery d) {
        Message raw = d.message();
        Long header = Wire.parse(raw.header(HeaderNames.ATTEMPT));
        int attempt = Math.max(d.deliveryCount(), header == null ? 1 : (int) Math.min(header, Integer.MAX_VALUE));
        String id = raw.header(HeaderNames.MESSAGE_ID);
        if (seen != null && id != null && seen.asMap().putIfAbsent(id, Boolean.TRUE) != null) {
            LOG.debug("{} from {} was handled already (idempotent consumer); acknowledged", id, Channels.describe(source));
            settle(d, true, null);
            return;
        }
        Message m = Wire.inbound(raw, ctx.scheduler());
        if (m.deadline() != null && m.deadline().isExpired()) {
            deadLetter(d, raw, attempt - 1, Status.DEADLINE_EXCEEDED, "the deadline had passed ("
                    + -m.deadline().remaining().toMillis() + " ms ago) when it was delivered; not handled");
        } else if (attempt > options.maxAttempts()) {
            deadLetter(d, raw, attempt - 1, Status.ABORTED, "delivered " + attempt + " times, more than the limit of "
                    + options.maxAttempts() + ", without being settled: its consumers died or gave it back each time");
        } else {
            attempt(d, raw, m, attempt);
        }
    }

    private void attempt(Delivery d, Message raw, Message m, int attempt) {
        CompletionStage<Message> stage;
        try {
            stage = handler.call(m.withHeader(HeaderNames.ATTEMPT, attempt == 1 ? FIRST : Integer.toString(attempt)));
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Message> running = stage.toCompletableFuture();
        Deadline deadline = m.deadline();
        if (deadline != null && !running.isDone()) {
            // Work whose deadline passes is stopped: the caller has given up (the skeleton interrupts the handler).
            Scheduler.Cancellable timer = ctx.scheduler().schedule(() -> running.cancel(true), deadline.remaining());
            running.whenComplete((r, e) -> timer.cancel());
        }
        switch (running.state()) {
            // A @NonBlocking handler finished on this thread: nothing to register a callback for.
            case SUCCESS -> outcome(d, raw, m, attempt, running.resultNow(), null);
            case FAILED -> outcome(d, raw, m, attempt, null, expired(m, running.exceptionNow()));
            default -> running.whenComplete((reply, failure) -> outcome(d, raw, m, attempt, reply, expired(m, failure)));
        }
    }

    /** A handler cancelled at its deadline failed with DEADLINE_EXCEEDED, not CANCELLED. */
    private static @Nullable Throwable expired(Message m, @Nullable Throwable failure) {
        Deadline deadline = m.deadline();
        if (failure != null && deadline != null && deadline.isExpired()
                && Errors.unwrap(failure) instanceof ParleyException p && p.status() == Status.CANCELLED) {
            return new ParleyException(Status.DEADLINE_EXCEEDED, "the deadline passed while the handler ran; it was cancelled");
        }
        return failure;
    }

    private void outcome(Delivery d, Message raw, Message m, int attempt, @Nullable Message reply,
            @Nullable Throwable failure) {
        if (crashed) {
            return;
        }
        String replyTo = raw.header(HeaderNames.REPLY_TO);
        if (replyTo != null && !m.isOneWay()) {
            // The caller is told whatever happened, so the message is done: an error reply is an outcome.
            Message r = reply != null ? reply : Errors.reply(m, failure == null ? new IllegalStateException() : failure, null);
            link.broker.send(new Destination.ReplyTo(replyTo), r).whenComplete((v, e) -> {
                if (e != null) {
                    LOG.warn("reply to {} from {} could not be sent; the request goes back to the broker",
                            raw.header(HeaderNames.MESSAGE_ID), Channels.describe(source), e);
                }
                settle(d, e == null, raw);
            });
            return;
        }
        Status status = failure != null ? statusOf(failure) : reply == null ? Status.INTERNAL : reply.status();
        if (status == Status.OK) {
            settle(d, true, raw);
            return;
        }
        String reason = status + ": " + (failure != null ? describe(failure)
                : reply == null ? "no reply" : new String(reply.body(), StandardCharsets.UTF_8));
        if (PERMANENT.contains(status) || attempt >= options.maxAttempts()) {
            deadLetter(d, raw, attempt, status, reason);
            return;
        }
        LOG.info("attempt {} of {} from {} failed ({}); trying again in {}", attempt, raw.header(HeaderNames.MESSAGE_ID),
                Channels.describe(source), reason, options.backoff(attempt));
        ctx.scheduler().schedule(() -> retry(d, raw, m, attempt + 1), options.backoff(attempt));
    }

    private void retry(Delivery d, Message raw, Message m, int attempt) {
        if (stopping || crashed) {
            settle(d, false, raw);
            return;
        }
        try {
            ctx.blockingExecutor().execute(() -> attempt(d, raw, m, attempt));
        } catch (RejectedExecutionException e) {
            settle(d, false, raw);
        }
    }

    private void deadLetter(Delivery d, Message raw, int attempts, Status status, String reason) {
        Headers h = raw.headers()
                .with(HeaderNames.ATTEMPT, Integer.toString(Math.max(attempts, 0)))
                .with(MessagingHeaders.DEAD_LETTER_STATUS, status.name())
                .with(MessagingHeaders.DEAD_LETTER_REASON, reason)
                .with(MessagingHeaders.DEAD_LETTER_SOURCE, Channels.describe(source))
                .with(MessagingHeaders.DEAD_LETTER_BY, ctx.instance());
        LOG.warn("{} from {} goes to {} after {} attempt(s): {}", raw.header(HeaderNames.MESSAGE_ID),
                Channels.describe(source), deadLetter.name(), attempts, reason);
        link.broker.send(deadLetter, Message.of(h, raw.body())).whenComplete((v, e) -> {
            if (e != null) {
                LOG.error("could not dead-letter {}; it goes back to the broker", raw.header(HeaderNames.MESSAGE_ID), e);
            }
            settle(d, e == null, e == null ? null : raw);
        });
    }

    /** Acks or releases; a released message is forgotten by the idempotent consumer so it can be handled again. */
    private void settle(Delivery d, boolean ack, @Nullable Message forgetOnRelease) {
        if (crashed) {
            return;
        }
        if (ack) {
            d.ack();
        } else {
            String id = forgetOnRelease == null ? null : forgetOnRelease.header(HeaderNames.MESSAGE_ID);
            if (seen != null && id != null) {
                seen.invalidate(id);
            }
            d.release();
        }
        synchronized (drained) {
            inFlight--;
            drained.notifyAll();
        }
    }

    private static Status statusOf(Throwable failure) {
        return Errors.unwrap(failure) instanceof ParleyException p ? p.status() : Status.INTERNAL;
    }

    private static String describe(Throwable failure) {
        Throwable t = Errors.unwrap(failure);
        return t instanceof ParleyException p ? p.detail() : t.getClass().getName() + ": " + t.getMessage();
    }

    /** Stops taking deliveries, waits for those in progress up to the drain timeout, then closes the consumer. */
    void stop() {
        stopping = true;
        if (!crashed) {
            long until = System.nanoTime() + options.drainTimeout().toNanos();
            synchronized (drained) {
                while (inFlight > 0 && System.nanoTime() < until) {
                    try {
                        drained.wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                if (inFlight > 0) {
                    LOG.warn("{} deliveries from {} still in progress after {}; the broker redelivers them",
                            inFlight, Channels.describe(source), options.drainTimeout());
                }
            }
        }
        Registration c = consumer;
        if (c != null) {
            c.close();
        }
    }

    /** Settles nothing from now on, as a dead process would. */
    void crash() {
        crashed = true;
        stopping = true;
    }
}
