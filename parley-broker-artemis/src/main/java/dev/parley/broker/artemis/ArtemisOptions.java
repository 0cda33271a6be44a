package dev.parley.broker.artemis;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the Artemis broker module. Immutable.
 *
 * @param dataDirectory where {@code embedded:} keeps its persistent journal, bindings, paging and large
 *        messages (default {@code parley-data/artemis} under the working directory)
 * @param host the interface the embedded broker's TCP acceptor listens on (default 127.0.0.1: only this
 *        machine; use 0.0.0.0 to let other hosts in, and turn security on in a broker.xml-managed broker)
 * @param port the embedded broker's TCP port (default 61616, Artemis's own default)
 * @param user the user {@code artemis://} connects as, or {@code null} for none
 * @param password its password, or {@code null}
 * @param sendWindowBytes how many bytes of sends may wait for the broker's confirm (default 1 MiB)
 */
public record ArtemisOptions(Path dataDirectory, String host, int port, @Nullable String user,
        @Nullable String password, int sendWindowBytes) {

    public static final ArtemisOptions DEFAULT = new ArtemisOptions(Path.of("parley-data", "artemis"), "127.0.0.1",
            61616, null, null, 1 << 20);

    public ArtemisOptions {
        requireNonNull(dataDirectory, "dataDirectory");
        requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 0..65535)");
        }
        if (sendWindowBytes < 1) {
            throw new IllegalArgumentException("sendWindowBytes: " + sendWindowBytes + " (expected: > 0)");
        }
    }

    /** The embedded broker keeps its data in {@code dir} and listens on {@code host:port}. */
    public ArtemisOptions withEmbedded(Path dir, String host, int port) {
        return new ArtemisOptions(dir, host, port, user, password, sendWindowBytes);
    }

    public ArtemisOptions withCredentials(String user, String password) {
        return new ArtemisOptions(dataDirectory, host, port, requireNonNull(user, "user"),
                requireNonNull(password, "password"), sendWindowBytes);
    }
}
