package dev.parley.broker.artemis;

import static java.util.Objects.requireNonNull;

import dev.parley.broker.artemis.internal.ArtemisBroker;
import dev.parley.messaging.BrokerTransportProvider;
import dev.parley.messaging.MessagingOptions;
import dev.parley.messaging.spi.Broker;
import dev.parley.transport.TransportContext;
import java.net.URI;
import java.util.List;

/**
 * Provides {@code embedded:NAME} (the in-process broker of {@link ArtemisOptions#dataDirectory()}, started
 * on first use) and {@code artemis://host:port[,host:port]/NAME} (a running broker or cluster). Found on the
 * class path with the defaults; to change them:
 * {@code Parley.builder().transport(new ArtemisTransportProvider(artemisOptions, messagingOptions))}.
 */
public final class ArtemisTransportProvider extends BrokerTransportProvider {

    private final ArtemisOptions artemis;

    public ArtemisTransportProvider() {
        this(ArtemisOptions.DEFAULT, MessagingOptions.DEFAULT);
    }

    public ArtemisTransportProvider(ArtemisOptions artemis, MessagingOptions messaging) {
        super(messaging);
        this.artemis = requireNonNull(artemis, "artemis");
    }

    @Override
    public List<String> schemes() {
        return List.of("artemis", "embedded");
    }

    @Override
    public Broker connect(URI broker, TransportContext context) {
        if ("embedded".equalsIgnoreCase(broker.getScheme())) {
            return new ArtemisBroker(EmbeddedArtemis.shared(artemis).inVm(), artemis, context);
        }
        String authority = broker.getAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new IllegalArgumentException("address " + broker + " names no broker: use artemis://host:port/NAME");
        }
        StringBuilder url = new StringBuilder("(");
        String[] hosts = authority.split(",");
        for (int i = 0; i < hosts.length; i++) {
            url.append(i == 0 ? "" : ",").append("tcp://").append(hosts[i].contains(":") ? hosts[i] : hosts[i] + ":61616");
        }
        url.append(")?ha=").append(hosts.length > 1);
        return new ArtemisBroker(url.toString(), artemis, context);
    }
}
