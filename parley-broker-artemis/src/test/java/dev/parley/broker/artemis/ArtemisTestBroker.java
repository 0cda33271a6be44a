package dev.parley.broker.artemis;

import dev.parley.testkit.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One embedded broker per test JVM: a fresh data directory and a free port. */
final class ArtemisTestBroker {

    static final ArtemisOptions OPTIONS;

    static {
        try {
            Path dir = Files.createTempDirectory("parley-artemis-test");
            OPTIONS = ArtemisOptions.DEFAULT.withEmbedded(dir, "127.0.0.1", FreePorts.next());
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ArtemisTestBroker() {
    }
}
