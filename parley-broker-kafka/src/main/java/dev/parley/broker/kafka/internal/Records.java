package dev.parley.broker.kafka.internal;

import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import dev.parley.messaging.MessagingHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;

/**
 * A Parley message as a Kafka record and back: every header a record header of the same name (UTF-8), the
 * body the value. The key is {@code parley-key} when the sender gave one (messages with one key stay in one
 * partition, in order), else the message id: messages without a key spread evenly over the partitions, so
 * every member of a group gets a share (Kafka's sticky partitioner would put a burst of unkeyed records in
 * one partition, for one member).
 */
final class Records {

    private static final byte[] EMPTY = new byte[0];

    private Records() {
    }

    static ProducerRecord<byte[], byte[]> toRecord(String topic, Message message) {
        Headers h = message.headers();
        KafkaHeaders headers = new KafkaHeaders(h.size(), h.get(MessagingHeaders.KEY) != null
                ? MessagingHeaders.KEY : HeaderNames.MESSAGE_ID);
        h.forEach(headers);
        return new ProducerRecord<>(topic, null, headers.key, message.body(), Arrays.asList(headers.headers));
    }

    /** Parley's headers as Kafka's, and the key's bytes: those of the header that is the key, not a copy. */
    private static final class KafkaHeaders implements BiConsumer<String, String> {
        final Header[] headers;
        final String keyHeader;
        byte @Nullable [] key;
        int n;

        KafkaHeaders(int size, String keyHeader) {
            this.headers = new Header[size];
            this.keyHeader = keyHeader;
        }

        @Override
        public void accept(String name, String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            if (name.equals(keyHeader)) {
                key = bytes; // Kafka serializes the key and the header from these bytes and changes neither
            }
            headers[n++] = new RecordHeader(name, bytes);
        }
    }

    static Message toMessage(ConsumerRecord<byte[], byte[]> record) {
        Header[] headers = record.headers().toArray();
        String[] pairs = new String[headers.length * 2];
        int n = 0;
        for (Header h : headers) {
            byte[] value = h.value();
            if (value != null) {
                pairs[n++] = h.key();
                pairs[n++] = new String(value, StandardCharsets.UTF_8);
            }
        }
        byte[] body = record.value() == null ? EMPTY : record.value();
        return Message.of(Headers.of(n == pairs.length ? pairs : Arrays.copyOf(pairs, n)), body);
    }
}
