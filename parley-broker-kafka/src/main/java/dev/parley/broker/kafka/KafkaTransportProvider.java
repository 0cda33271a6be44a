package dev.parley.broker.kafka;

import static java.util.Objects.requireNonNull;

import dev.parley.broker.kafka.internal.KafkaMessageBroker;
import dev.parley.messaging.BrokerTransportProvider;
import dev.parley.messaging.MessagingOptions;
import dev.parley.messaging.spi.Broker;
import dev.parley.transport.TransportContext;
import java.net.URI;
import java.util.List;

/**
 * {@code kafka://host:port[,host:port...]/NAME}: every interaction style over Apache Kafka. Found through
 * {@code ServiceLoader}; give one with other options to {@code Parley.builder().transport(...)}.
 *
 * <pre>{@code
 * Parley parley = Parley.builder()
 *         .transport(new KafkaTransportProvider(KafkaOptions.DEFAULT.withPartitions(16), MessagingOptions.DEFAULT))
 *         .build();
 * parley.subscribe(TripEvents.class, "billing", new Billing(), "kafka://k1:9092,k2:9092/trips");
 * }</pre>
 *
 * How each style maps onto topics, groups and reply topics: docs/messaging.md, "Kafka".
 */
public final class KafkaTransportProvider extends BrokerTransportProvider {

    private final KafkaOptions kafka;

    /** The defaults: {@link KafkaOptions#DEFAULT}, {@link MessagingOptions#DEFAULT}. */
    public KafkaTransportProvider() {
        this(KafkaOptions.DEFAULT, MessagingOptions.DEFAULT);
    }

    public KafkaTransportProvider(KafkaOptions kafka, MessagingOptions messaging) {
        super(messaging);
        this.kafka = requireNonNull(kafka, "kafka");
    }

    @Override
    public List<String> schemes() {
        return List.of("kafka");
    }

    @Override
    public Broker connect(URI broker, TransportContext context) {
        String servers = broker.getRawAuthority();
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException("address '" + broker + "' names no Kafka broker: expected "
                    + "kafka://host:port[,host:port...]/NAME");
        }
        return new KafkaMessageBroker(servers, kafka.with(broker), context);
    }
}
