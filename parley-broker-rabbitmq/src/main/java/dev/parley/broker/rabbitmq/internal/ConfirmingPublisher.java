package dev.parley.broker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ShutdownSignalException;
import dev.parley.NotSentException;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.time.Scheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Publishes on one channel in confirm mode. Each publish returns a stage that completes when the broker has
 * taken responsibility for the message (for a persistent message on a quorum queue: a majority of nodes wrote
 * it), and fails with UNAVAILABLE when the broker refuses it ({@code basic.nack}), the channel or connection
 * is lost first, or no confirm comes within the timeout, and with NOT_FOUND when a mandatory message reaches no
 * queue. A stage that failed does not prove the message is lost, only that it is not known to be stored: the
 * caller may publish it again (at-least-once; consumers deduplicate by message id).
 */
final class ConfirmingPublisher implements AutoCloseable {

    private final Channel channel;
    private final Scheduler scheduler;
    private final Duration confirmTimeout;
    private final ReentrantLock publishing = new ReentrantLock();
    private final ConcurrentNavigableMap<Long, Pending> outstanding = new ConcurrentSkipListMap<>();
    /** Mandatory messages awaiting their confirm, by message id: a return names the message, not its number. */
    private final Map<String, Pending> mandatory = new ConcurrentHashMap<>();
    private final AtomicBoolean sweepArmed = new AtomicBoolean();

    /** Puts {@code channel} in confirm mode and publishes on it; it is this publisher's from now on. */
    ConfirmingPublisher(Channel channel, Scheduler scheduler, Duration confirmTimeout) throws IOException {
        this.channel = channel;
        this.scheduler = scheduler;
        this.confirmTimeout = confirmTimeout;
        channel.confirmSelect();
        channel.addConfirmListener(new Confirms());
        channel.addReturnListener(this::returned);
        channel.addShutdownListener(this::lost);
    }

    /**
     * Publishes {@code body}; {@code messageId} identifies the message in errors and in returns of mandatory
     * messages.
     */
    CompletableFuture<Void> publish(String exchange, String routingKey, boolean isMandatory, String messageId,
            AMQP.BasicProperties properties, byte[] body) {
        Pending pending = new Pending(messageId, exchange, routingKey, isMandatory, scheduler.nanoTime());
        publishing.lock();
        try {
            long sequence = channel.getNextPublishSeqNo();
            outstanding.put(sequence, pending);
            if (isMandatory) {
                mandatory.put(messageId, pending);
            }
            try {
                channel.basicPublish(exchange, routingKey, isMandatory, properties, body);
            } catch (IOException | RuntimeException e) {
                outstanding.remove(sequence);
                mandatory.remove(messageId);
                pending.future.completeExceptionally(notSent(pending, e));
                return pending.future;
            }
        } finally {
            publishing.unlock();
        }
        armSweep(confirmTimeout);
        return pending.future;
    }

    /*
     * One timer per publisher, not one per message: messages are confirmed in about the order they were
     * published, so the sweep fails the expired ones from the head of the map and sleeps until the next
     * oldest would expire.
     */
    private void armSweep(Duration delay) {
        if (!sweepArmed.get() && sweepArmed.compareAndSet(false, true)) { // read first: most publishes find it armed
            scheduler.schedule(this::sweep, delay);
        }
    }

    private void sweep() {
        long now = scheduler.nanoTime();
        long timeout = confirmTimeout.toNanos();
        for (Map.Entry<Long, Pending> head = outstanding.firstEntry(); head != null; head = outstanding.firstEntry()) {
            Pending oldest = head.getValue();
            long left = oldest.publishedAt + timeout - now;
            if (left > 0) {
                sweepArmed.set(false);
                armSweep(Duration.ofNanos(left));
                return;
            }
            if (outstanding.remove(head.getKey(), oldest)) {
                mandatory.remove(oldest.messageId, oldest);
                oldest.fail(new ParleyException(Status.UNAVAILABLE, oldest + ": the broker did not confirm it within "
                        + confirmTimeout));
            }
        }
        sweepArmed.set(false);
        if (!outstanding.isEmpty()) { // published while this sweep found nothing
            armSweep(confirmTimeout);
        }
    }

    /** Messages published and not yet confirmed or failed. */
    int outstanding() {
        return outstanding.size();
    }

    @Override
    public void close() {
        try {
            channel.close(); // even when not open: a recovering connection then stops recovering the channel
        } catch (IOException | RuntimeException | java.util.concurrent.TimeoutException e) {
            // closing anyway; lost() fails what is still outstanding
        }
        failAll(new ParleyException(Status.UNAVAILABLE, "the publisher was closed before the broker confirmed"));
    }

    private void returned(Return r) {
        String messageId = r.getProperties().getMessageId();
        @Nullable Pending pending = messageId == null ? null : mandatory.remove(messageId);
        if (pending != null) {
            pending.fail(new NotSentException(Status.NOT_FOUND, pending + " reached no queue ("
                    + r.getReplyCode() + " " + r.getReplyText() + "); is anything declared to receive it?"));
        }
    }

    private void lost(ShutdownSignalException cause) {
        failAll(new ParleyException(Status.UNAVAILABLE, "the channel to RabbitMQ closed before the broker "
                + "confirmed the message: " + cause.getMessage(), cause));
    }

    private void failAll(ParleyException error) {
        outstanding.values().forEach(p -> p.fail(error));
        outstanding.clear();
        mandatory.clear();
    }

    private static NotSentException notSent(Pending pending, Exception e) {
        return new NotSentException(Status.UNAVAILABLE, pending + " could not be sent: " + e.getMessage(), e);
    }

    private final class Confirms implements ConfirmListener {
        @Override
        public void handleAck(long sequence, boolean multiple) {
            settle(sequence, multiple, null);
        }

        @Override
        public void handleNack(long sequence, boolean multiple) {
            settle(sequence, multiple, "the broker refused it (basic.nack)");
        }

        private void settle(long sequence, boolean multiple, @Nullable String refusal) {
            Map<Long, Pending> settled = multiple ? outstanding.headMap(sequence, true) : outstanding.subMap(
                    sequence, true, sequence, true);
            for (Pending pending : settled.values()) {
                if (pending.isMandatory) {
                    mandatory.remove(pending.messageId);
                }
                if (refusal == null) {
                    pending.future.complete(null);
                } else {
                    pending.fail(new ParleyException(Status.UNAVAILABLE, pending + ": " + refusal));
                }
            }
            settled.clear();
        }
    }

    private static final class Pending {
        final String messageId;
        final String exchange;
        final String routingKey;
        final boolean isMandatory;
        final long publishedAt;
        final CompletableFuture<Void> future = new CompletableFuture<>();

        Pending(String messageId, String exchange, String routingKey, boolean isMandatory, long publishedAt) {
            this.messageId = messageId;
            this.exchange = exchange;
            this.routingKey = routingKey;
            this.isMandatory = isMandatory;
            this.publishedAt = publishedAt;
        }

        void fail(Throwable error) {
            future.completeExceptionally(error);
        }

        @Override
        public String toString() {
            return "message " + messageId + " to exchange '" + exchange + "' with routing key '" + routingKey + "'";
        }
    }
}
