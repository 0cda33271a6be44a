package dev.parley.broker.rabbitmq;

import static java.util.Objects.requireNonNull;

import dev.parley.broker.rabbitmq.internal.BrokerAddress;
import dev.parley.broker.rabbitmq.internal.RabbitMqBroker;
import dev.parley.messaging.BrokerTransportProvider;
import dev.parley.messaging.MessagingOptions;
import dev.parley.messaging.spi.Broker;
import dev.parley.transport.TransportContext;
import java.net.URI;
import java.util.List;

/**
 * Provides {@code amqp://}: every interaction style over RabbitMQ. Found on the class path with the default
 * options; to change them, give the runtime one of your own:
 * {@code Parley.builder().transport(new RabbitMqTransportProvider(rabbitOptions, messagingOptions))}.
 *
 * <p>Addresses: {@code amqp://[user:password@]host[:port][,host[:port]...]/CHANNEL[?vhost=V]}, e.g.
 * {@code amqp://orders:secret@rabbit-1:5672,rabbit-2:5672/trips?vhost=prod}; the user and password default to
 * {@code guest}, the port to 5672, the vhost to {@code /}.
 */
public final class RabbitMqTransportProvider extends BrokerTransportProvider {

    private final RabbitMqOptions options;

    /** With {@link RabbitMqOptions#DEFAULT} and {@link MessagingOptions#DEFAULT}. */
    public RabbitMqTransportProvider() {
        this(RabbitMqOptions.DEFAULT, MessagingOptions.DEFAULT);
    }

    public RabbitMqTransportProvider(RabbitMqOptions options, MessagingOptions messaging) {
        super(messaging);
        this.options = requireNonNull(options, "options");
    }

    @Override
    public List<String> schemes() {
        return List.of("amqp");
    }

    @Override
    public Broker connect(URI broker, TransportContext context) {
        return new RabbitMqBroker(BrokerAddress.parse(broker), options, context);
    }

    /** The RabbitMQ options of the transports this provider makes. */
    public RabbitMqOptions rabbitMqOptions() {
        return options;
    }
}
