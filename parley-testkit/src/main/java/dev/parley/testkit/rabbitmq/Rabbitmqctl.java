package dev.parley.testkit.rabbitmq;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs {@code rabbitmqctl} on this machine: vhosts for test isolation, and stopping/starting the broker. */
final class Rabbitmqctl {

    /** Where to look when it is not on the PATH (Debian's package installs it into /usr/sbin). */
    private static final List<Path> USUAL_PLACES = List.of(Path.of("/usr/sbin/rabbitmqctl"),
            Path.of("/usr/lib/rabbitmq/bin/rabbitmqctl"), Path.of("/usr/local/sbin/rabbitmqctl"));
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final Path executable;

    private Rabbitmqctl(Path executable) {
        this.executable = executable;
    }

    /** The {@code rabbitmqctl} named by the {@code parley.rabbitmqctl} property, on the PATH, or in a usual place. */
    static Optional<Rabbitmqctl> find() {
        String configured = System.getProperty("parley.rabbitmqctl");
        if (configured != null) {
            return Optional.of(new Rabbitmqctl(Path.of(configured)));
        }
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "rabbitmqctl"));
                }
            }
        }
        candidates.addAll(USUAL_PLACES);
        return candidates.stream().filter(Files::isExecutable).findFirst().map(Rabbitmqctl::new);
    }

    /** Runs {@code rabbitmqctl -q args...}; returns its output, or throws with the output when it fails. */
    String run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.add("-q");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + ": no answer within " + TIMEOUT);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + executable, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    @Override
    public String toString() {
        return executable.toString();
    }
}
