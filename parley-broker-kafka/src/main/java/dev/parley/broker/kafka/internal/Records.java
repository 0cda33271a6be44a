package dev.parley.broker.kafka.internal;

import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import dev.parley.messaging.MessagingHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

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
        List<Header> headers = new ArrayList<>(message.headers().size());
        message.headers().forEach((name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        String key = message.header(MessagingHeaders.KEY);
        if (key == null) {
            key = message.header(HeaderNames.MESSAGE_ID);
        }
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(topic, null, keyBytes, message.body(), headers);
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
