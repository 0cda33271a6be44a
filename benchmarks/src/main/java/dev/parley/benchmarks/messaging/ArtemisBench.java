package dev.parley.benchmarks.messaging;

import dev.parley.broker.artemis.ArtemisOptions;
import dev.parley.broker.artemis.ArtemisTransportProvider;
import dev.parley.broker.artemis.EmbeddedArtemis;
import dev.parley.messaging.MessagingOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The Artemis side of the messaging benchmarks: an embedded, persistent broker per trial in a fresh data
 * directory, reached by both peers over TCP on loopback. Peers: {@code parley-artemis}, {@code artemis-raw}.
 */
final class ArtemisBench implements BrokerBench {

    private @Nullable EmbeddedArtemis broker;

    @Override
    public void start() throws IOException {
        Path dir = Files.createTempDirectory("parley-bench-artemis");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        broker = EmbeddedArtemis.start(ArtemisOptions.DEFAULT.withEmbedded(dir, "127.0.0.1", port));
    }

    @Override
    public MessagingPeer peer(String name) throws Exception {
        EmbeddedArtemis b = broker;
        if (b == null) {
            throw new IllegalStateException("not started");
        }
        return switch (name) {
            case "parley-artemis" -> new ParleyPeer(b.tcpAddress(),
                    new ArtemisTransportProvider(b.options(), MessagingOptions.DEFAULT));
            case "artemis-raw" -> new ArtemisRawPeer("tcp://" + b.options().host() + ":" + b.options().port());
            default -> throw new IllegalArgumentException("unknown peer " + name);
        };
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
