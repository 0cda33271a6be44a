package dev.parley.broker.artemis;

import dev.parley.ParleyException;
import dev.parley.Status;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An ActiveMQ Artemis broker running in this process: persistent (journal, bindings, paging and large
 * messages under one data directory), listening on TCP for other processes and in-VM for this one. The
 * {@code embedded:} scheme starts one per data directory on first use and keeps it until the JVM exits;
 * tests and tools may start, stop and restart their own.
 */
public final class EmbeddedArtemis implements AutoCloseable {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final Map<Path, EmbeddedArtemis> SHARED = new ConcurrentHashMap<>();

    private final ArtemisOptions options;
    private volatile int inVmId;
    private EmbeddedActiveMQ server;

    private EmbeddedArtemis(ArtemisOptions options) {
        this.options = options;
        this.server = start();
    }

    /** Starts a broker with {@code options}' data directory, host and port. */
    public static EmbeddedArtemis start(ArtemisOptions options) {
        return new EmbeddedArtemis(options);
    }

    /** The process-wide broker of {@code options}' data directory, started on first use. */
    static EmbeddedArtemis shared(ArtemisOptions options) {
        return SHARED.computeIfAbsent(options.dataDirectory().toAbsolutePath().normalize(), dir -> {
            EmbeddedArtemis e = new EmbeddedArtemis(options);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(e::close));
            return e;
        });
    }

    private EmbeddedActiveMQ start() {
        // A new in-VM id each start: the stopped server's in-VM acceptor may still be registered under the old one.
        inVmId = IDS.incrementAndGet();
        Path dir = options.dataDirectory().toAbsolutePath();
        try {
            Configuration c = new ConfigurationImpl()
                    .setName("parley-embedded-" + inVmId)
                    .setPersistenceEnabled(true)
                    .setSecurityEnabled(false)
                    .setJMXManagementEnabled(false)
                    .setJournalType(JournalType.NIO)
                    .setJournalDirectory(dir.resolve("journal").toString())
                    .setBindingsDirectory(dir.resolve("bindings").toString())
                    .setPagingDirectory(dir.resolve("paging").toString())
                    .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                    .setNodeManagerLockDirectory(dir.toString())
                    // Parley counts attempts and dead-letters itself; the broker must never drop or divert.
                    .setMaxDiskUsage(-1)
                    .setCriticalAnalyzer(false)
                    .addAddressSetting("#", new AddressSettings()
                            .setMaxDeliveryAttempts(-1)
                            .setRedeliveryDelay(0)
                            // Parley declares every queue; an address made for a queue (a reply channel's) goes
                            // away with it.
                            .setAutoCreateQueues(false)
                            .setAutoDeleteAddresses(true))
                    .addAcceptorConfiguration("tcp", "tcp://" + options.host() + ":" + options.port())
                    .addAcceptorConfiguration("in-vm", inVm());
            EmbeddedActiveMQ s = new EmbeddedActiveMQ();
            s.setConfiguration(c);
            s.start();
            if (!s.getActiveMQServer().isActive()) {
                throw new IllegalStateException("the broker did not become active (state "
                        + s.getActiveMQServer().getState() + ")" + hint());
            }
            return s;
        } catch (Exception e) {
            throw new ParleyException(Status.UNAVAILABLE, "could not start the embedded Artemis broker (data in "
                    + dir + ", tcp://" + options.host() + ":" + options.port() + "): " + e.getMessage(), e);
        }
    }

    /** Why a broker with a journal may fail to start on JDK 24+, and the cure (docs/messaging.md). */
    private static String hint() {
        return Runtime.version().feature() >= 24 && !"false".equals(System.getProperty("io.netty.noUnsafe"))
                ? "; see the AMQ224000 error in the log. If it says 'Cannot clean arbitrary ByteBuffer instances',"
                        + " run with -Dio.netty.noUnsafe=false (JDK 24+: Netty's cleaner cannot free the journal's buffers)"
                : "; see the AMQ224000 error in the log";
    }

    /** The URL this process's clients use: in-VM, no socket. */
    String inVm() {
        return "vm://" + inVmId;
    }

    /** The address other processes use, e.g. {@code artemis://127.0.0.1:61616}. */
    public String tcpAddress() {
        return "artemis://" + options.host() + ":" + options.port();
    }

    public ArtemisOptions options() {
        return options;
    }

    /** Stops the broker (clients see it go away) and starts it again on the same data and port. */
    public synchronized void restart() {
        stopServer();
        server = start();
    }

    /** Stops the broker; what it persisted stays in the data directory. */
    public synchronized void stopServer() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new ParleyException(Status.INTERNAL, "could not stop the embedded Artemis broker: " + e.getMessage(), e);
        }
    }

    /** Starts a broker stopped with {@link #stopServer()}. */
    public synchronized void startServer() {
        server = start();
    }

    @Override
    public synchronized void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // Closing at shutdown: nothing left to tell.
        }
    }
}
