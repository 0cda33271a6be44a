package dev.parley.broker.kafka.internal;

import dev.parley.messaging.spi.Delivery;
import dev.parley.messaging.spi.DeliveryHandler;
import dev.parley.message.Message;
import dev.parley.messaging.MessagingHeaders;
import dev.parley.transport.Registration;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidGroupIdException;
import org.apache.kafka.common.errors.WakeupException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of a consumer group, on a thread of its own (a {@link KafkaConsumer} is not thread-safe): polls,
 * hands each record to Parley as a {@link Delivery}, and commits per partition the offset before the first
 * delivery Parley has not yet acknowledged. At most {@code prefetch} deliveries are unsettled: past that the
 * partitions are paused. Commits are asynchronous and at most one per {@code commitInterval} (each is a write
 * to the group's offsets on the broker; a consumer that keeps up would otherwise commit after every poll of a
 * record or two), synchronous when closing. Deliveries with a {@code parley-key} are handed out one at a time
 * per key and partition ({@link KeyOrder}), so handlers see one key's messages in order. Before giving
 * partitions up in a rebalance it waits (up to {@link #REVOKE_WAIT}) for their deliveries to settle and commits
 * them, so that the next owner does not repeat finished work.
 */
final class ConsumerLoop implements Registration {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);
    static final Duration POLL = Duration.ofMillis(100);
    static final Duration REVOKE_WAIT = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private record PartitionKey(TopicPartition partition, String key) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final int prefetch;
    private final long commitIntervalNanos;
    private final DeliveryHandler handler;
    /** Deliveries settled (by any thread), for the consumer's thread to apply. */
    private final BlockingQueue<KafkaDelivery> settled = new LinkedBlockingQueue<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final CountDownLatch done = new CountDownLatch(1);
    private final CountDownLatch joined = new CountDownLatch(1);
    /** Counted down when closing or aborting starts: ends a backoff at once. */
    private final CountDownLatch stopping = new CountDownLatch(1);
    /** Polls that failed in a row. */
    private int pollFailures;
    private final Thread thread;
    private volatile boolean paused;
    private volatile boolean closing;
    private volatile boolean aborting;
    // The consumer thread's own state.
    private final Map<TopicPartition, OffsetTracker> trackers = new HashMap<>();
    private final ArrayDeque<ConsumerRecord<byte[], byte[]>> buffer = new ArrayDeque<>();
    private final KeyOrder<KafkaDelivery> keyOrder = new KeyOrder<>();
    /** This topic's partitions by number, so that a record does not make a TopicPartition of its own. */
    private TopicPartition[] byNumber = new TopicPartition[0];
    private long sequence;
    private long lastCommit = System.nanoTime();

    ConsumerLoop(KafkaConsumer<byte[], byte[]> consumer, String topic, String group, int prefetch,
            Duration commitInterval, DeliveryHandler handler) {
        this.consumer = consumer;
        this.topic = topic;
        this.prefetch = prefetch;
        this.commitIntervalNanos = commitInterval.toNanos();
        this.handler = handler;
        this.thread = Thread.ofPlatform().daemon().name("parley-kafka-" + group).unstarted(this::run);
    }

    /**
     * Starts polling and returns once the group has given this member partitions (up to {@code joinTimeout}),
     * so that a member started beside others takes its share of what comes next. (A member that joins a
     * working group is first assigned nothing; it gets its share once the others have given it up.)
     */
    ConsumerLoop start(Duration joinTimeout) {
        thread.start();
        try {
            if (!joined.await(joinTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("no partitions of {} assigned within {}: the group has more members than partitions, "
                        + "or the broker is slow; consuming goes on in the background", topic, joinTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return this;
    }

    /** Stops after committing what was acknowledged; what was not is read again by the next owner. */
    @Override
    public void close() {
        closing = true;
        stop();
    }

    /** Stops at once, commits nothing: what this member held goes to another after its session expires. */
    void abort() {
        aborting = true;
        stop();
    }

    private void stop() {
        stopping.countDown();
        consumer.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                done.await(CLOSE_TIMEOUT.plus(REVOKE_WAIT).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (!closing && !aborting) {
                applySettled();
                deliverBuffered();
                pauseWhenFull();
                try {
                    consumer.poll(POLL).forEach(buffer::add);
                    pollFailures = 0;
                } catch (WakeupException e) {
                    continue;
                } catch (KafkaException e) {
                    if (!worthRetrying(e)) {
                        throw e;
                    }
                    backOff(e);
                    continue;
                }
                deliverBuffered();
                commitWhenDue();
            }
            if (!aborting) {
                applySettled();
                commit(true);
            }
        } catch (WakeupException e) {
            // closing or aborting
        } catch (RuntimeException e) {
            LOG.error("Kafka consumer of {} stopped: {}", topic, e.toString(), e);
        } finally {
            try {
                // A crash does not say goodbye: the group notices when the member's session expires.
                consumer.close(aborting
                        ? CloseOptions.timeout(Duration.ZERO).withGroupMembershipOperation(
                                CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)
                        : CloseOptions.timeout(CLOSE_TIMEOUT));
            } catch (RuntimeException e) {
                LOG.debug("closing the Kafka consumer of {}", topic, e);
            }
            done.countDown();
        }
    }

    /**
     * Whether a failed poll may succeed later: a broker that restarts can answer for a while that the group
     * or the coordinator does not exist. Refusals that will not change (credentials, rights, a bad group id)
     * and an interrupted thread stop the loop.
     */
    private static boolean worthRetrying(KafkaException e) {
        return !(e instanceof AuthenticationException || e instanceof AuthorizationException
                || e instanceof InvalidGroupIdException || e instanceof InterruptException);
    }

    /** Waits before the next poll, longer each time (0.1 s doubling to 5 s), unless the loop is stopping. */
    private void backOff(KafkaException e) {
        pollFailures++;
        if (pollFailures == 1 || pollFailures % 20 == 0) {
            LOG.warn("polling {} failed ({} in a row): {}; trying again", topic, pollFailures, e.toString());
        }
        try {
            stopping.await(Math.min(5_000, 100L << Math.min(pollFailures - 1, 6)), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            aborting = true;
        }
    }

    private void deliverBuffered() {
        while (!buffer.isEmpty() && outstanding.get() < prefetch) {
            ConsumerRecord<byte[], byte[]> r = buffer.poll();
            TopicPartition tp = partitionOf(r);
            OffsetTracker tracker = trackers.computeIfAbsent(tp, k -> new OffsetTracker());
            long seq = ++sequence;
            tracker.delivered(r.offset(), seq);
            outstanding.incrementAndGet();
            KafkaDelivery d = new KafkaDelivery(tp, r.offset(), seq, Records.toMessage(r));
            if (d.key == null || keyOrder.admit(d.key, d)) {
                handler.onDelivery(d);
            }
        }
    }

    private TopicPartition partitionOf(ConsumerRecord<byte[], byte[]> r) {
        int p = r.partition();
        if (!r.topic().equals(topic)) { // not subscribed to, but then not cached either
            return new TopicPartition(r.topic(), p);
        }
        if (p >= byNumber.length) {
            byNumber = Arrays.copyOf(byNumber, p + 1);
        }
        TopicPartition tp = byNumber[p];
        if (tp == null) {
            tp = new TopicPartition(topic, p);
            byNumber[p] = tp;
        }
        return tp;
    }

    private void pauseWhenFull() {
        boolean full = !buffer.isEmpty() || outstanding.get() >= prefetch;
        if (full && !paused) {
            consumer.pause(consumer.assignment());
            paused = true;
        } else if (!full && paused) {
            consumer.resume(consumer.paused());
            paused = false;
        }
    }

    private void applySettled() {
        for (KafkaDelivery d = settled.poll(); d != null; d = settled.poll()) {
            apply(d);
        }
    }

    private void apply(KafkaDelivery d) {
        OffsetTracker tracker = trackers.get(d.partition);
        // A null tracker: the partition moved on in a rebalance, and its next owner reads it again.
        if (tracker != null && d.acked()) {
            tracker.acknowledge(d.offset, d.sequence);
        } else if (tracker != null && tracker.release(d.offset, d.sequence)) {
            rewind(d.partition, d.offset);
        }
        if (d.key != null) {
            KafkaDelivery next = keyOrder.next(d.key);
            if (next != null) {
                handler.onDelivery(next);
            }
        }
    }

    /** Reads {@code partition} again from {@code offset}: what was buffered or held from there on is dropped. */
    private void rewind(TopicPartition partition, long offset) {
        buffer.removeIf(r -> r.partition() == partition.partition() && r.topic().equals(partition.topic()));
        dropHeld(d -> d.partition.equals(partition) && d.offset >= offset);
        if (!aborting && consumer.assignment().contains(partition)) {
            consumer.seek(partition, offset);
        }
    }

    private void dropHeld(Predicate<KafkaDelivery> which) {
        for (KafkaDelivery d : keyOrder.drop(which)) {
            if (d.markSettled(false)) {
                outstanding.decrementAndGet();
            }
        }
    }

    private void commitWhenDue() {
        long now = System.nanoTime();
        if (now - lastCommit >= commitIntervalNanos) {
            lastCommit = now;
            commit(false);
        }
    }

    private void commit(boolean sync) {
        commit(trackers.keySet(), sync);
    }

    private void commit(Collection<TopicPartition> partitions, boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetTracker t = trackers.get(tp);
            if (t != null) {
                t.commitPoint().ifPresent(p -> offsets.put(tp, new OffsetAndMetadata(p)));
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        if (sync) {
            try {
                consumer.commitSync(offsets, CLOSE_TIMEOUT);
                offsets.forEach((tp, o) -> trackers.get(tp).committed(o.offset()));
            } catch (RuntimeException e) {
                LOG.warn("commit of {} failed: {} (the records are read again)", offsets, e.toString());
            }
        } else {
            offsets.forEach((tp, o) -> trackers.get(tp).committed(o.offset()));
            consumer.commitAsync(offsets, (o, e) -> {
                if (e != null) {
                    LOG.debug("commit of {} failed: {}", o, e.toString());
                }
            });
        }
    }

    private void settle(KafkaDelivery d, boolean ack) {
        if (!d.markSettled(ack)) {
            return;
        }
        settled.add(d);
        if (outstanding.decrementAndGet() < prefetch && paused) {
            consumer.wakeup();
        }
    }

    /** Partitions given up: wait for what they hold to settle (bounded), commit it, forget them. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (aborting) {
                return;
            }
            long end = System.nanoTime() + REVOKE_WAIT.toNanos();
            try {
                while (partitions.stream().map(trackers::get).anyMatch(t -> t != null && !t.idle())) {
                    long left = end - System.nanoTime();
                    KafkaDelivery s = left > 0 ? settled.poll(left, TimeUnit.NANOSECONDS) : null;
                    if (s == null) {
                        LOG.warn("giving up {} with deliveries still unsettled after {}: they are read again",
                                partitions, REVOKE_WAIT);
                        break;
                    }
                    apply(s);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            commit(partitions, true);
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (paused) {
                consumer.pause(partitions);
            }
            if (!partitions.isEmpty()) {
                joined.countDown();
            }
        }

        private void forget(Collection<TopicPartition> partitions) {
            partitions.forEach(trackers::remove);
            buffer.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
            dropHeld(d -> partitions.contains(d.partition));
        }
    }

    private static final int UNSETTLED = 0;
    private static final int ACKED = 1;
    private static final int RELEASED = 2;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(KafkaDelivery.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final class KafkaDelivery implements Delivery {
        final TopicPartition partition;
        final long offset;
        final long sequence;
        final Message message;
        final @Nullable PartitionKey key;
        /** {@link #UNSETTLED}, {@link #ACKED} or {@link #RELEASED}; set once. */
        private volatile int state;

        KafkaDelivery(TopicPartition partition, long offset, long sequence, Message message) {
            this.partition = partition;
            this.offset = offset;
            this.sequence = sequence;
            this.message = message;
            String k = message.header(MessagingHeaders.KEY);
            this.key = k == null ? null : new PartitionKey(partition, k);
        }

        @Override
        public Message message() {
            return message;
        }

        /** Records how this delivery was settled; false when it was settled before. */
        boolean markSettled(boolean ack) {
            return STATE.compareAndSet(this, UNSETTLED, ack ? ACKED : RELEASED);
        }

        boolean acked() {
            return state == ACKED;
        }

        @Override
        public int deliveryCount() {
            return 1; // Kafka keeps no count; Parley's attempt header does
        }

        @Override
        public void ack() {
            settle(this, true);
        }

        @Override
        public void release() {
            settle(this, false);
        }

        @Override
        public String toString() {
            return partition + "@" + offset;
        }
    }
}
