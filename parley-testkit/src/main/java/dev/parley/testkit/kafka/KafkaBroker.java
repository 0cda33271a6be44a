package dev.parley.testkit.kafka;

import dev.parley.testkit.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.jspecify.annotations.Nullable;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) forked into its own JVM from the
 * {@code kafka_2.13} jars on the test class path, on free loopback ports, with its log in a temporary
 * directory. Made for tests: {@link #kill()} and {@link #start()} simulate a crash and a recovery on the
 * same ports and data, {@link #close()} kills it and deletes its data.
 *
 * <pre>{@code
 * try (KafkaBroker kafka = KafkaBroker.start()) {
 *     parley.publisher(TripEvents.class, kafka.uri());   // kafka://127.0.0.1:port
 * }
 * }</pre>
 *
 * <p>The fork needs {@code org.apache.kafka:kafka_2.13} on the class path (as a test dependency), or its
 * class path in the system property {@value #CLASSPATH_PROPERTY}; the readiness check uses
 * {@code kafka-clients}.
 */
public final class KafkaBroker implements AutoCloseable {

    /** System property: the class path of the forked broker, when not the test's own. */
    public static final String CLASSPATH_PROPERTY = "parley.kafka.classpath";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String HEAP = "-Xmx512m";

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> overrides;
    private final String classpath;
    private @Nullable Process process;

    private KafkaBroker(Map<String, String> overrides) throws IOException {
        this.overrides = Map.copyOf(overrides);
        this.classpath = brokerClasspath();
        this.dir = Files.createTempDirectory("parley-kafka-");
        this.port = FreePorts.next();
        this.controllerPort = FreePorts.next();
        writeConfig();
        format();
    }

    /** Forks a broker and returns once it answers; the defaults suit tests (see {@link #properties()}). */
    public static KafkaBroker start() {
        return start(Map.of());
    }

    /** Forks a broker with {@code overrides} on top of the test defaults and returns once it answers. */
    public static KafkaBroker start(Map<String, String> overrides) {
        KafkaBroker broker;
        try {
            broker = new KafkaBroker(overrides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            broker.startProcess();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** {@code kafka://127.0.0.1:port}, for Parley. */
    public String uri() {
        return "kafka://" + bootstrapServers();
    }

    /** The broker's client port; it stays the same across restarts. */
    public int port() {
        return port;
    }

    /** The broker's output (stdout and stderr of the fork), for diagnosing a failed test. */
    public Path logFile() {
        return dir.resolve("broker.log");
    }

    /** Whether the forked process is alive. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker again after {@link #stop()} or {@link #kill()}, on the same ports and data. */
    public synchronized void restart() {
        if (isRunning()) {
            stop();
        }
        startProcess();
    }

    /** Stops the broker cleanly (SIGTERM: it flushes and closes its logs) and waits for the process to end. */
    public synchronized void stop() {
        end(false);
    }

    /** Kills the broker (SIGKILL: no flush, no goodbye to clients), as a crash would. */
    public synchronized void kill() {
        end(true);
    }

    /** Kills the broker and deletes its data. */
    @Override
    public synchronized void close() {
        end(true);
        deleteRecursively(dir);
    }

    /** The server properties the fork runs with. */
    public Properties properties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.setProperty("log.dirs", dir.resolve("data").toString());
        p.setProperty("num.partitions", "4");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "4");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // After a kill, the controller refuses the new incarnation until the old one's session expires.
        p.setProperty("broker.session.timeout.ms", "2000");
        p.setProperty("broker.heartbeat.interval.ms", "500");
        // Tests form groups and rebalance often: no waiting for more members to join.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("group.min.session.timeout.ms", "1000");
        p.setProperty("group.consumer.heartbeat.interval.ms", "500");
        p.setProperty("group.consumer.min.heartbeat.interval.ms", "500");
        p.setProperty("group.consumer.session.timeout.ms", "6000");
        p.setProperty("group.consumer.min.session.timeout.ms", "6000");
        p.setProperty("auto.create.topics.enable", "true");
        overrides.forEach(p::setProperty);
        return p;
    }

    private void writeConfig() throws IOException {
        try (var out = Files.newBufferedWriter(dir.resolve("server.properties"), StandardCharsets.UTF_8)) {
            properties().store(out, "parley-testkit KafkaBroker");
        }
    }

    private void format() {
        List<String> command = java();
        command.addAll(List.of("kafka.tools.StorageTool", "format", "--standalone",
                "--cluster-id", Uuid.randomUuid().toString(),
                "--config", dir.resolve("server.properties").toString()));
        Process format = fork(command);
        try {
            if (!format.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("Kafka storage format did not finish: see " + logFile());
            }
            if (format.exitValue() != 0) {
                throw new IllegalStateException("Kafka storage format failed (exit " + format.exitValue() + "):\n"
                        + tail());
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the Kafka log directory", e);
        }
    }

    private synchronized void startProcess() {
        List<String> command = java();
        command.addAll(List.of("kafka.Kafka", dir.resolve("server.properties").toString()));
        process = fork(command);
        awaitReady(process);
    }

    private void awaitReady(Process started) {
        Properties config = new Properties();
        config.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        config.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        config.setProperty(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");
        try {
            // A socket first: an admin client would log every refused connection while the JVM starts.
            Awaitility.await("Kafka broker listening on " + bootstrapServers())
                    .atMost(READY_TIMEOUT)
                    .pollInterval(Duration.ofMillis(50))
                    .failFast("the Kafka broker process exited", () -> !started.isAlive())
                    .until(this::listening);
        } catch (TerminalFailureException e) {
            throw new IllegalStateException("the Kafka broker exited (" + started.exitValue() + "):\n" + tail(), e);
        }
        try (Admin admin = Admin.create(config)) {
            Awaitility.await("Kafka broker on " + bootstrapServers())
                    .atMost(READY_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .failFast("the Kafka broker process exited", () -> !started.isAlive())
                    .until(() -> answers(admin));
        } catch (TerminalFailureException e) {
            throw new IllegalStateException("the Kafka broker exited (" + started.exitValue() + "):\n" + tail(), e);
        } catch (ConditionTimeoutException e) {
            end(true);
            throw new IllegalStateException("the Kafka broker did not become ready in " + READY_TIMEOUT
                    + ":\n" + tail(), e);
        }
    }

    private boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the broker is registered and unfenced (only such brokers are listed): it can host partitions. */
    private static boolean answers(Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false; // not listening yet, or still starting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void end(boolean kill) {
        Process p = process;
        process = null;
        if (p == null || !p.isAlive()) {
            return;
        }
        if (kill) {
            p.destroyForcibly();
        } else {
            p.destroy();
        }
        try {
            if (!p.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private List<String> java() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(HEAP, "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + writeLogConfig(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", classpath));
        return command;
    }

    private Process fork(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        try {
            Process p = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "parley-kafka-reaper"));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("could not fork the Kafka broker: " + command.get(0), e);
        }
    }

    private String writeLogConfig() {
        Path config = dir.resolve("log4j2.properties");
        if (!Files.exists(config)) {
            try {
                Files.writeString(config, """
                        rootLogger.level = WARN
                        rootLogger.appenderRef.out.ref = out
                        appender.out.type = Console
                        appender.out.name = out
                        appender.out.layout.type = PatternLayout
                        appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5p [%c{1}] %m%n
                        logger.server.name = kafka.server.KafkaRaftServer
                        logger.server.level = INFO
                        """);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return config.toString();
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no broker log: " + e.getMessage() + ")";
        }
    }

    private static String brokerClasspath() {
        String configured = System.getProperty(CLASSPATH_PROPERTY);
        if (configured != null) {
            return configured;
        }
        // The test's own class path (plain jars or one shaded jar) must hold the broker.
        if (ClassLoader.getSystemResource("kafka/Kafka.class") == null) {
            throw new IllegalStateException("no Kafka broker (kafka.Kafka) on the class path to fork one from: add "
                    + "org.apache.kafka:kafka_2.13 as a test dependency, or set -D" + CLASSPATH_PROPERTY);
        }
        return System.getProperty("java.class.path", "");
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
