package dev.parley.broker.kafka.internal;

import dev.parley.broker.kafka.KafkaOptions;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The configuration of each Kafka client: the user's properties first, then what Parley's guarantees need. */
final class ClientConfigs {

    private final String servers;
    private final KafkaOptions options;
    private final String clientId;

    ClientConfigs(String servers, KafkaOptions options, String clientId) {
        this.servers = servers;
        this.options = options;
        this.clientId = clientId;
    }

    Map<String, Object> admin() {
        return common("admin");
    }

    /**
     * Idempotent, {@code acks=all}: a send is confirmed once every in-sync replica has it, never twice. No
     * linger by default (Kafka's is 5 ms): a request waiting for its reply should not also wait for a batch to
     * fill. Instead, at most two requests in flight per connection (Kafka's default is five): under load, what
     * is sent while two requests are out travels together in the next, so each request carries more records
     * and the client and the broker spend less CPU per record, while a lone record still goes at once
     * (docs/benchmarks.md, messaging). Both may be set.
     */
    Map<String, Object> producer() {
        Map<String, Object> c = new HashMap<>(Map.of(ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 2));
        c.putAll(common("producer"));
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return c;
    }

    /** A group member that commits by hand, after the handler; a new group reads from the beginning. */
    Map<String, Object> groupConsumer(String group, int maxPollRecords) {
        Map<String, Object> c = consumer("consumer-" + group);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, options.groupProtocol());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        return c;
    }

    /** A consumer outside any group (reply topics): it is assigned its partitions and commits nothing. */
    Map<String, Object> standaloneConsumer(String name) {
        Map<String, Object> c = consumer(name);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return c;
    }

    private Map<String, Object> consumer(String name) {
        Map<String, Object> c = common(name);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return c;
    }

    private Map<String, Object> common(String role) {
        Map<String, Object> c = new HashMap<>(options.clientProperties());
        c.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers);
        c.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId + "-" + role);
        return c;
    }
}
