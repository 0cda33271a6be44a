package dev.parley.messaging;

import static java.util.Objects.requireNonNull;

import dev.parley.messaging.internal.MessagingTransport;
import dev.parley.messaging.spi.Broker;
import dev.parley.transport.Transport;
import dev.parley.transport.TransportContext;
import dev.parley.transport.TransportProvider;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The base of every broker module's {@link TransportProvider}: the module names its URI schemes and connects
 * to its broker; this class makes the one messaging {@link Transport} that implements every interaction
 * style and delivery rule over it. A subclass is listed in
 * {@code META-INF/services/dev.parley.transport.TransportProvider} and has a public no-argument constructor.
 *
 * <pre>{@code
 * public final class ArtemisTransportProvider extends BrokerTransportProvider {
 *     public ArtemisTransportProvider() { this(ArtemisOptions.DEFAULT, MessagingOptions.DEFAULT); }
 *     public ArtemisTransportProvider(ArtemisOptions a, MessagingOptions m) { super(m); ... }
 *     public List<String> schemes() { return List.of("artemis", "embedded"); }
 *     public Broker connect(URI broker, TransportContext context) { return new ArtemisBroker(...); }
 * }
 * }</pre>
 */
public abstract class BrokerTransportProvider implements TransportProvider {

    private final MessagingOptions options;
    private final Set<MessagingTransport> transports = ConcurrentHashMap.newKeySet();

    protected BrokerTransportProvider(MessagingOptions options) {
        this.options = requireNonNull(options, "options");
    }

    /**
     * Connects to the broker {@code broker} names: an address without its path ({@link Channels#broker}),
     * e.g. {@code artemis://host:61616}, {@code kafka://h1:9092,h2:9092}, {@code embedded:}. Called once per
     * distinct broker URI per runtime; the transport closes it.
     */
    public abstract Broker connect(URI broker, TransportContext context);

    @Override
    public final Transport create(TransportContext context) {
        MessagingTransport t = new MessagingTransport(this::connect, context, options, transports::remove,
                schemes().getFirst());
        transports.add(t);
        return t;
    }

    /** The delivery rules of the transports this provider makes. */
    public final MessagingOptions options() {
        return options;
    }

    /**
     * For fault tests: every transport this provider made drops its broker connections at once, settling
     * nothing, as if its process had died ({@link Broker#abort()}).
     */
    public final void crash() {
        transports.forEach(MessagingTransport::crash);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + schemes();
    }
}
