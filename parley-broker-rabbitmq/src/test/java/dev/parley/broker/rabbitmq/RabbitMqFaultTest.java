package dev.parley.broker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.Contract;
import dev.parley.OneWay;
import dev.parley.Parley;
import dev.parley.Status;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import dev.parley.messaging.BrokerTransportProvider;
import dev.parley.messaging.Channels;
import dev.parley.messaging.MessagingHeaders;
import dev.parley.messaging.MessagingOptions;
import dev.parley.messaging.spi.Broker;
import dev.parley.messaging.spi.Declaration;
import dev.parley.messaging.spi.Destination;
import dev.parley.testkit.rabbitmq.RabbitMq;
import dev.parley.testkit.rabbitmq.RabbitMqExtension;
import dev.parley.time.Scheduler;
import dev.parley.transport.TransportContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RabbitMQ under faults: the broker restarted mid-stream, consumers that keep dying, the delivery limit. */
@ExtendWith(RabbitMqExtension.class)
class RabbitMqFaultTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final MessagingOptions OPTIONS = MessagingOptions.DEFAULT.withMaxAttempts(3)
            .withBackoff(Duration.ofMillis(20), Duration.ofMillis(100)).withDrainTimeout(Duration.ofSeconds(2));

    public record Entry(String id) {
    }

    @Contract(name = "rabbit-fault-ledger", version = "1.0")
    public interface Ledger {
        @OneWay
        void post(Entry entry);
    }

    public record Balance(String account, long cents) {
    }

    @Contract(name = "rabbit-fault-accounts", version = "1.0")
    public interface Accounts {
        Balance balance(Entry account);
    }

    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    /** Lets the handlers of crashed runtimes return, so closing them does not wait out the shutdown grace. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void closeEverything() throws Exception {
        release.countDown();
        for (int i = closeAfter.size() - 1; i >= 0; i--) {
            closeAfter.get(i).close();
        }
    }

    private Parley runtime(String instance, BrokerTransportProvider provider) {
        Parley parley = Parley.builder().instance(instance).transport(provider).timeout(Duration.ofSeconds(10)).build();
        closeAfter.add(parley);
        return parley;
    }

    private static BrokerTransportProvider provider(RabbitMqOptions options) {
        return new RabbitMqTransportProvider(options, OPTIONS);
    }

    @Test
    void aBrokerRestartedMidStreamLosesNoAcknowledgedMessage(RabbitMq rabbit) throws Exception {
        String address = rabbit.address("ledger");
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        runtime("server", provider(RabbitMqOptions.DEFAULT)).serve(Ledger.class,
                (Ledger) e -> received.computeIfAbsent(e.id(), k -> new AtomicInteger()).incrementAndGet(), address);
        Ledger ledger = runtime("client", provider(RabbitMqOptions.DEFAULT)).client(Ledger.class, address);

        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch senderDone = new CountDownLatch(1);
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                while (!stop.get()) {
                    String id = "e-" + sent.incrementAndGet();
                    try {
                        ledger.post(new Entry(id)); // returns once the broker confirmed it
                        acked.add(id);
                    } catch (RuntimeException e) {
                        refused.incrementAndGet(); // not acknowledged: the sender knows it may be lost
                        LockSupport.parkNanos(1_000_000); // while the broker is down, do not spin on two cores
                    }
                }
            } finally {
                senderDone.countDown();
            }
        });
        await().atMost(PATIENCE).until(() -> acked.size() >= 300);
        rabbit.restartBroker();
        int ackedAtRestart = acked.size();
        await().atMost(PATIENCE).until(() -> acked.size() >= ackedAtRestart + 300);
        stop.set(true);
        senderDone.await();
        sender.join();

        await().atMost(PATIENCE).until(() -> received.keySet().containsAll(acked));
        long duplicates = received.values().stream().mapToInt(AtomicInteger::get).filter(n -> n > 1).count();
        String report = "sent " + sent.get() + ", acknowledged " + acked.size() + ", refused " + refused.get()
                + ", received " + received.size() + " distinct, " + duplicates + " of them more than once";
        System.out.println("broker restart mid-stream: " + report);
        assertThat(refused.get()).as(report).isPositive(); // the restart really happened under the sender
        assertThat(received.keySet()).as(report).containsAll(acked);
    }

    @Test
    void requestsGetRepliesAgainOnceTheRestartedBrokerIsBack(RabbitMq rabbit) {
        String address = rabbit.address("accounts");
        runtime("server", provider(RabbitMqOptions.DEFAULT))
                .serve(Accounts.class, (Accounts) a -> new Balance(a.id(), 42), address);
        Accounts accounts = runtime("client", provider(RabbitMqOptions.DEFAULT)).client(Accounts.class).at(address)
                .timeout(Duration.ofSeconds(2)).build();
        assertThat(accounts.balance(new Entry("a-1"))).isEqualTo(new Balance("a-1", 42));

        rabbit.restartBroker();

        // The connections, the reply consumer (direct reply-to) and the server's consumer all come back.
        await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> accounts.balance(new Entry("a-2")).equals(new Balance("a-2", 42)));
        assertThat(accounts.balance(new Entry("a-3"))).isEqualTo(new Balance("a-3", 42));
    }

    @Test
    void aMessageWhoseConsumersKeepDyingIsDeadLetteredOnceByAttemptCount(RabbitMq rabbit) throws Exception {
        String address = rabbit.address("ledger");
        Destination.Queue queue = Channels.requestQueue(URI.create(address));
        List<Message> dead = drain(rawBroker(rabbit, RabbitMqOptions.DEFAULT), Channels.deadLetter(queue));
        runtime("client", provider(RabbitMqOptions.DEFAULT)).client(Ledger.class, address).post(new Entry("doomed"));

        for (int crash = 1; crash <= OPTIONS.maxAttempts(); crash++) {
            CountDownLatch holding = new CountDownLatch(1);
            BrokerTransportProvider victim = provider(RabbitMqOptions.DEFAULT);
            runtime("victim-" + crash, victim).serve(Ledger.class, (Ledger) e -> {
                holding.countDown();
                awaitQuietly(release);
            }, address);
            assertThat(holding.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("victim %d got it", crash).isTrue();
            victim.crash(); // the process dies holding the message, settling nothing
        }
        AtomicInteger handledByTheSurvivor = new AtomicInteger();
        runtime("survivor", provider(RabbitMqOptions.DEFAULT))
                .serve(Ledger.class, (Ledger) e -> handledByTheSurvivor.incrementAndGet(), address);

        await().atMost(PATIENCE).until(() -> dead.size() == 1);
        await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> dead.size() == 1);
        assertThat(handledByTheSurvivor.get()).isZero();
        Message m = dead.getFirst();
        assertThat(m.header(MessagingHeaders.DEAD_LETTER_STATUS)).isEqualTo(Status.ABORTED.name());
        assertThat(m.header(HeaderNames.ATTEMPT)).isEqualTo(String.valueOf(OPTIONS.maxAttempts()));
        assertThat(new String(m.body(), StandardCharsets.UTF_8)).contains("doomed");
    }

    @Test
    void theQuorumQueueDeliveryLimitIsABackstopThatDeadLettersWithTheBrokersReason(RabbitMq rabbit) {
        Broker raw = rawBroker(rabbit, RabbitMqOptions.DEFAULT.withDeliveryLimit(2));
        Destination.Queue queue = new Destination.Queue("backstop");
        Destination.Queue dlq = Channels.deadLetter(queue);
        raw.declare(new Declaration(queue, dlq, 0));
        List<Message> dead = drain(raw, dlq);
        raw.send(queue, Message.of(Headers.of(HeaderNames.MESSAGE_ID, "m-1", HeaderNames.OPERATION, "post"),
                "x".getBytes(StandardCharsets.UTF_8))).toCompletableFuture().join();

        List<Integer> counts = new CopyOnWriteArrayList<>();
        raw.consume(queue, 1, d -> {
            counts.add(d.deliveryCount());
            d.release(); // given back without Parley counting: only the broker's limit applies
        });

        await().atMost(PATIENCE).until(() -> dead.size() == 1);
        assertThat(counts).containsExactly(1, 2, 3);
        Message m = dead.getFirst();
        assertThat(m.header(HeaderNames.MESSAGE_ID)).isEqualTo("m-1");
        assertThat(m.header(HeaderNames.OPERATION)).isEqualTo("post");
        assertThat(m.header(MessagingHeaders.DEAD_LETTER_STATUS)).isEqualTo(Status.ABORTED.name());
        assertThat(m.header(MessagingHeaders.DEAD_LETTER_REASON)).contains("delivery_limit");
        assertThat(m.header(MessagingHeaders.DEAD_LETTER_SOURCE)).isEqualTo("backstop");
    }

    private Broker rawBroker(RabbitMq rabbit, RabbitMqOptions options) {
        Broker broker = new RabbitMqTransportProvider(options, OPTIONS).connect(URI.create(rabbit.uri()),
                new TransportContext(Scheduler.system(), Executors.newVirtualThreadPerTaskExecutor(), "raw"));
        closeAfter.add(broker);
        return broker;
    }

    private List<Message> drain(Broker broker, Destination.Queue queue) {
        broker.declare(Declaration.of(queue));
        List<Message> got = new CopyOnWriteArrayList<>();
        closeAfter.add(broker.consume(queue, 16, d -> {
            got.add(d.message());
            d.ack();
        }));
        return got;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
