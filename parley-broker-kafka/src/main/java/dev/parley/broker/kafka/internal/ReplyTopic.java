package dev.parley.broker.kafka.internal;

import dev.parley.messaging.spi.Delivery;
import dev.parley.messaging.spi.DeliveryHandler;
import dev.parley.messaging.spi.ReplyChannel;
import dev.parley.message.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client instance's reply topic (one partition, created for it), read outside any consumer group from its
 * first offset: positioned before the channel is handed out, so no reply is missed. Replies are not committed; Parley
 * matches them to requests by correlation id.
 */
final class ReplyTopic implements ReplyChannel {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyTopic.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final DeliveryHandler handler;
    private final Runnable onClose;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean closed;

    ReplyTopic(String topic, KafkaConsumer<byte[], byte[]> consumer, DeliveryHandler handler, Runnable onClose) {
        this.topic = topic;
        this.consumer = consumer;
        this.handler = handler;
        this.onClose = onClose;
        TopicPartition only = new TopicPartition(topic, 0);
        consumer.assign(List.of(only));
        // The topic was created just now, under a name nobody else knows: it is empty, so reading from offset 0
        // reads every reply, without asking the broker where its end is.
        consumer.seek(only, 0);
        Thread.ofPlatform().daemon().name("parley-kafka-replies").start(this::run);
    }

    @Override
    public String address() {
        return topic;
    }

    private void run() {
        try {
            while (!closed) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(ConsumerLoop.POLL)) {
                    handler.onDelivery(new Reply(Records.toMessage(r)));
                }
            }
        } catch (WakeupException e) {
            // closed
        } catch (RuntimeException e) {
            LOG.error("reply consumer of {} stopped: {}", topic, e.toString(), e);
        } finally {
            try {
                consumer.close(CloseOptions.timeout(Duration.ZERO));
            } catch (RuntimeException e) {
                LOG.debug("closing the reply consumer of {}", topic, e);
            }
            done.countDown();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        consumer.wakeup();
        try {
            done.await(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onClose.run();
    }

    /** Stops reading without deleting the topic (a crash leaves it behind too). */
    void abort() {
        closed = true;
        consumer.wakeup();
    }

    private record Reply(Message message) implements Delivery {
        @Override
        public int deliveryCount() {
            return 1;
        }

        @Override
        public void ack() {
        }

        @Override
        public void release() {
        }
    }
}
