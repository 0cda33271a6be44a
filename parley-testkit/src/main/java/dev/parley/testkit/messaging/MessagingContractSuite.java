package dev.parley.testkit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.Parley;
import dev.parley.Replies;
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
import dev.parley.testkit.messaging.MessagingSuiteContracts.Order;
import dev.parley.testkit.messaging.MessagingSuiteContracts.OrderEvents;
import dev.parley.testkit.messaging.MessagingSuiteContracts.OrderRejected;
import dev.parley.testkit.messaging.MessagingSuiteContracts.Orders;
import dev.parley.testkit.messaging.MessagingSuiteContracts.Quote;
import dev.parley.testkit.messaging.MessagingSuiteContracts.Quotes;
import dev.parley.testkit.messaging.MessagingSuiteContracts.Receipt;
import dev.parley.time.Scheduler;
import dev.parley.transport.Registration;
import dev.parley.transport.TransportContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The messaging suite every broker passes unchanged: the five interaction styles over the broker, and the
 * delivery rules (poison message to the dead-letter queue exactly once with its reason, an expired deadline
 * dead-lettered with DEADLINE_EXCEEDED, an idempotent consumer doing exactly N side effects under forced
 * redelivery, a durable subscription keeping what was published while its group was down, a consumer
 * killed mid-batch having its unacknowledged messages redelivered to another).
 *
 * <pre>{@code
 * class ArtemisMessagingContractTest extends MessagingContractSuite {
 *     @RegisterExtension static final EmbeddedArtemis ARTEMIS = new EmbeddedArtemis();
 *     protected String address(String name) { return ARTEMIS.address(name); }
 *     protected BrokerTransportProvider provider(MessagingOptions options) {
 *         return new ArtemisTransportProvider(ARTEMIS.options(), options);
 *     }
 * }
 * }</pre>
 *
 * Every test uses channel names no earlier run used, so a broker that keeps its state between runs is fine.
 */
public abstract class MessagingContractSuite {

    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private final ExecutorService rawExecutor = Executors.newVirtualThreadPerTaskExecutor();
    private String testName = "test";

    // ---- hooks --------------------------------------------------------------------------------------------

    /**
     * An address on the broker under test whose path is {@code name}, e.g. {@code "embedded:" + name} or
     * {@code "kafka://127.0.0.1:" + port + "/" + name}. The suite makes every name unique per test run.
     */
    protected abstract String address(String name);

    /** A new provider of the broker's transport with these delivery rules (a fresh instance per call). */
    protected abstract BrokerTransportProvider provider(MessagingOptions options);

    /** The delivery rules the suite's runtimes use: few attempts and short backoffs, so tests are quick. */
    protected MessagingOptions options() {
        return MessagingOptions.DEFAULT.withMaxAttempts(3).withBackoff(Duration.ofMillis(20), Duration.ofMillis(100))
                .withPrefetch(16).withDrainTimeout(Duration.ofSeconds(2));
    }

    /** How long the suite waits for anything to arrive (a broker that rebalances slowly needs more). */
    protected Duration patience() {
        return Duration.ofSeconds(30);
    }

    /**
     * Whether the broker redelivers what a crashed consumer held to another consumer within
     * {@link #patience()}. Every broker should; one that cannot has the test skipped, visibly.
     */
    protected boolean redeliversAfterConsumerCrash() {
        return true;
    }

    // ---- plumbing -----------------------------------------------------------------------------------------

    @BeforeEach
    void name(TestInfo info) {
        String method = info.getTestMethod().map(m -> m.getName()).orElse("test").toLowerCase(Locale.ROOT);
        testName = method.substring(0, Math.min(24, method.length())) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = closeAfter.size() - 1; i >= 0; i--) {
            closeAfter.get(i).close();
        }
        closeAfter.clear();
    }

    /** A runtime on the broker with {@link #options()}; closed after the test. */
    protected Parley runtime(String instance) {
        return runtime(instance, provider(options()));
    }

    /** A runtime using {@code provider} (e.g. one the test will {@link BrokerTransportProvider#crash()}). */
    protected Parley runtime(String instance, BrokerTransportProvider provider) {
        Parley p = Parley.builder().instance(instance + "-" + testName).transport(provider)
                .timeout(patience()).build();
        closeAfter.add(p);
        return p;
    }

    /** A unique address for this test: {@code address(testName + "-" + suffix)}. */
    protected String unique(String suffix) {
        return address(testName + "-" + suffix);
    }

    /** A raw connection to the broker through the SPI, to inject and inspect messages. */
    protected Broker rawBroker(String address) {
        Broker b = provider(options()).connect(Channels.broker(URI.create(address)),
                new TransportContext(Scheduler.system(), rawExecutor, "raw-" + testName));
        closeAfter.add(b);
        return b;
    }

    /** Collects every message of {@code queue} (acknowledging each), e.g. a dead-letter queue. */
    protected List<Message> drain(Broker broker, Destination.Queue queue) {
        broker.declare(Declaration.of(queue));
        List<Message> got = new CopyOnWriteArrayList<>();
        Registration r = broker.consume(queue, 16, d -> {
            got.add(d.message());
            d.ack();
        });
        closeAfter.add(r::close);
        return got;
    }

    private static Order order(int i) {
        return new Order("o-" + i, 10 + i);
    }

    // ---- the five styles ----------------------------------------------------------------------------------

    /** Serves orders; records who handled what; rejects negative amounts with a declared exception. */
    protected static class OrderDesk implements Orders {
        final String name;
        final Set<String> recorded = ConcurrentHashMap.newKeySet();
        final AtomicInteger handled = new AtomicInteger();

        OrderDesk(String name) {
            this.name = name;
        }

        @Override
        public Receipt place(Order order) throws OrderRejected {
            handled.incrementAndGet();
            if (order.amount() < 0) {
                throw new OrderRejected("negative amount " + order.amount());
            }
            return new Receipt(order.id(), name);
        }

        @Override
        public CompletableFuture<Receipt> placeLater(Order order) {
            handled.incrementAndGet();
            return CompletableFuture.supplyAsync(() -> new Receipt(order.id(), name));
        }

        @Override
        public void record(Order order) {
            handled.incrementAndGet();
            recorded.add(order.id());
        }
    }

    @Test
    void requestResponseOverTheBroker() throws Exception {
        String address = unique("orders");
        runtime("server").serve(Orders.class, new OrderDesk("desk"), address);
        Orders orders = runtime("client").client(Orders.class, address);

        assertThat(orders.place(order(1))).isEqualTo(new Receipt("o-1", "desk"));
        assertThatThrownBy(() -> orders.place(new Order("bad", -1)))
                .isInstanceOf(OrderRejected.class).hasMessage("negative amount -1");
    }

    @Test
    void requestAsyncResponseOverTheBroker() throws Exception {
        String address = unique("orders");
        runtime("server").serve(Orders.class, new OrderDesk("desk"), address);
        Orders orders = runtime("client").client(Orders.class, address);

        List<CompletableFuture<Receipt>> pending = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pending.add(orders.placeLater(order(i)));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(pending.get(i).get(patience().toMillis(), TimeUnit.MILLISECONDS).orderId()).isEqualTo("o-" + i);
        }
    }

    @Test
    void notificationReachesOneOfTheCompetingConsumers() {
        String address = unique("orders");
        OrderDesk a = new OrderDesk("a");
        OrderDesk b = new OrderDesk("b");
        runtime("server-a").serve(Orders.class, a, address);
        runtime("server-b").serve(Orders.class, b, address);
        Orders orders = runtime("client").client(Orders.class, address);

        for (int i = 0; i < 40; i++) {
            orders.record(order(i));
        }
        await().atMost(patience()).until(() -> a.recorded.size() + b.recorded.size() == 40);
        assertThat(java.util.Collections.disjoint(a.recorded, b.recorded)).as("no order handled by both").isTrue();
        assertThat(a.handled.get() + b.handled.get()).isEqualTo(40);
    }

    @Test
    void notificationSentBeforeAnyServerRunsIsKept() {
        String address = unique("orders");
        runtime("client").client(Orders.class, address).record(order(7));
        OrderDesk desk = new OrderDesk("late");
        runtime("server").serve(Orders.class, desk, address);
        await().atMost(patience()).until(() -> desk.recorded.contains("o-7"));
    }

    /** Records the events one subscriber receives. */
    protected static final class Subscriber implements OrderEvents {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void placed(Order order) {
            seen.add(order.id());
        }
    }

    @Test
    void everySubscriberGroupGetsEachEventOnceAndMembersCompete() {
        String address = unique("events");
        Subscriber billing1 = new Subscriber();
        Subscriber billing2 = new Subscriber();
        Subscriber audit = new Subscriber();
        runtime("billing-1").subscribe(OrderEvents.class, "billing", billing1, address);
        runtime("billing-2").subscribe(OrderEvents.class, "billing", billing2, address);
        runtime("audit").subscribe(OrderEvents.class, "audit", audit, address);
        OrderEvents events = runtime("publisher").publisher(OrderEvents.class, address);

        for (int i = 0; i < 30; i++) {
            events.placed(order(i));
        }
        await().atMost(patience()).until(() -> billing1.seen.size() + billing2.seen.size() == 30
                && audit.seen.size() == 30);
        assertThat(java.util.Collections.disjoint(billing1.seen, billing2.seen)).as("no event seen by both members").isTrue();
        assertThat(audit.seen).doesNotHaveDuplicates();
    }

    @Test
    void publishedRequestCollectsOneReplyPerGroup() {
        String address = unique("quotes");
        for (String driver : List.of("d1", "d2", "d3")) {
            runtime(driver).subscribe(Quotes.class, driver,
                    (Quotes) o -> Replies.answer(new Quote(driver, o.amount() * 2)), address);
        }
        Quotes quotes = runtime("dispatch").publisher(Quotes.class).at(address)
                .within(patience()).atMost(3).build();

        Replies<Quote> replies = quotes.quote(new Order("o-1", 21));
        assertThat(replies.isPartial()).isFalse();
        assertThat(replies.values()).extracting(Quote::by).containsExactlyInAnyOrder("d1", "d2", "d3");
        assertThat(replies.values()).extracting(Quote::price).containsOnly(42);
        assertThat(replies.all()).allSatisfy(r -> assertThat(r.responder()).startsWith(r.group() + "/"));
    }

    // ---- delivery rules -----------------------------------------------------------------------------------

    /** Fails every notification, counting the attempts. */
    protected static final class Poisoned implements Orders {
        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public Receipt place(Order order) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Receipt> placeLater(Order order) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void record(Order order) {
            attempts.incrementAndGet();
            throw new IllegalStateException("cannot record " + order.id());
        }
    }

    @Test
    void poisonMessageReachesTheDeadLetterQueueExactlyOnceWithItsReason() {
        String address = unique("orders");
        Poisoned poisoned = new Poisoned();
        runtime("server").serve(Orders.class, poisoned, address);
        Broker raw = rawBroker(address);
        List<Message> dead = drain(raw, Channels.deadLetter(Channels.requestQueue(URI.create(address))));

        runtime("client").client(Orders.class, address).record(order(1));

        int max = options().maxAttempts();
        await().atMost(patience()).until(() -> dead.size() == 1);
        // It stays one: the original is settled, not redelivered again.
        await().during(Duration.ofMillis(500)).atMost(patience()).until(() -> dead.size() == 1);
        assertThat(poisoned.attempts.get()).isEqualTo(max);
        Message m = dead.getFirst();
        assertThat(m.header(MessagingHeaders.DEAD_LETTER_STATUS)).isEqualTo(Status.INTERNAL.name());
        assertThat(m.header(MessagingHeaders.DEAD_LETTER_REASON)).isNotBlank();
        assertThat(m.header(MessagingHeaders.DEAD_LETTER_SOURCE)).isEqualTo(Channels.name(URI.create(address)));
        assertThat(m.header(HeaderNames.ATTEMPT)).isEqualTo(String.valueOf(max));
        assertThat(m.header(HeaderNames.CONTRACT)).isEqualTo("msuite-orders");
        assertThat(m.header(HeaderNames.OPERATION)).isEqualTo("record");
        assertThat(m.header(HeaderNames.MESSAGE_ID)).isNotBlank();
        assertThat(new String(m.body(), StandardCharsets.UTF_8)).contains("o-1");
    }

    @Test
    void failingSubscriberIsRetriedThenDeadLettered() {
        String address = unique("events");
        AtomicInteger attempts = new AtomicInteger();
        runtime("sub").subscribe(OrderEvents.class, "flaky", (OrderEvents) o -> {
            if (attempts.incrementAndGet() < 2) {
                throw new IllegalStateException("first attempt fails");
            }
        }, address);
        runtime("publisher").publisher(OrderEvents.class, address).placed(order(1));
        await().atMost(patience()).until(() -> attempts.get() == 2);
        await().during(Duration.ofMillis(300)).atMost(patience()).until(() -> attempts.get() == 2);
    }

    @Test
    void expiredDeadlineIsNotHandledAndGoesToTheDeadLetterQueue() {
        String address = unique("orders");
        OrderDesk desk = new OrderDesk("desk");
        runtime("server").serve(Orders.class, desk, address);
        Broker raw = rawBroker(address);
        Destination.Queue queue = Channels.requestQueue(URI.create(address));
        List<Message> dead = drain(raw, Channels.deadLetter(queue));

        Headers h = Headers.of(HeaderNames.MESSAGE_ID, "expired-1", HeaderNames.CONTRACT, "msuite-orders",
                HeaderNames.VERSION, "1.0", HeaderNames.OPERATION, "record", HeaderNames.ONE_WAY, "true",
                HeaderNames.CONTENT_TYPE, "application/json",
                HeaderNames.DEADLINE, "0",
                MessagingHeaders.DEADLINE_AT, String.valueOf(System.currentTimeMillis() - 1_000));
        raw.send(queue, Message.of(h, "{\"id\":\"late\",\"amount\":1}".getBytes(StandardCharsets.UTF_8)))
                .toCompletableFuture().join();

        await().atMost(patience()).until(() -> dead.size() == 1);
        assertThat(dead.getFirst().header(MessagingHeaders.DEAD_LETTER_STATUS))
                .isEqualTo(Status.DEADLINE_EXCEEDED.name());
        assertThat(dead.getFirst().header(HeaderNames.MESSAGE_ID)).isEqualTo("expired-1");
        assertThat(desk.handled.get()).isZero();
    }

    @Test
    void handlerStillRunningAtItsDeadlineIsStoppedAndDeadLettered() {
        String address = unique("orders");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Orders stuck = new OrderDesk("stuck") {
            @Override
            public void record(Order order) {
                started.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
            }
        };
        runtime("server").serve(Orders.class, stuck, address);
        List<Message> dead = drain(rawBroker(address), Channels.deadLetter(Channels.requestQueue(URI.create(address))));
        runtime("client").client(Orders.class).at(address).timeout(Duration.ofMillis(500)).build().record(order(1));

        await().atMost(patience()).until(() -> started.getCount() == 0 && interrupted.getCount() == 0);
        await().atMost(patience()).until(() -> dead.size() == 1);
        assertThat(dead.getFirst().header(MessagingHeaders.DEAD_LETTER_STATUS)).isEqualTo(Status.DEADLINE_EXCEEDED.name());
    }

    @Test
    void idempotentConsumerDoesExactlyNSideEffectsUnderRedelivery() {
        String address = unique("orders");
        int n = 20;
        Set<String> firstAttemptFailed = ConcurrentHashMap.newKeySet();
        Map<String, AtomicInteger> effects = new ConcurrentHashMap<>();
        Orders effectful = new OrderDesk("x") {
            @Override
            public void record(Order order) {
                if (firstAttemptFailed.add(order.id())) {
                    throw new IllegalStateException("forced redelivery of " + order.id());
                }
                effects.computeIfAbsent(order.id(), k -> new AtomicInteger()).incrementAndGet();
            }
        };
        Parley server = runtime("server", provider(options().withDeduplication(10_000, Duration.ofMinutes(5))));
        server.serve(Orders.class, effectful, address);
        Broker raw = rawBroker(address);
        Destination.Queue queue = Channels.requestQueue(URI.create(address));
        raw.declare(new Declaration(queue, Channels.deadLetter(queue), options().maxAttempts()));

        // Every message arrives three times with the same id, as after a lost acknowledgement.
        for (int copy = 0; copy < 3; copy++) {
            for (int i = 0; i < n; i++) {
                Headers h = Headers.of(HeaderNames.MESSAGE_ID, "dup-" + i, HeaderNames.CONTRACT, "msuite-orders",
                        HeaderNames.VERSION, "1.0", HeaderNames.OPERATION, "record", HeaderNames.ONE_WAY, "true",
                        HeaderNames.CONTENT_TYPE, "application/json");
                raw.send(queue, Message.of(h, ("{\"id\":\"o-" + i + "\",\"amount\":1}").getBytes(StandardCharsets.UTF_8)))
                        .toCompletableFuture().join();
            }
        }
        await().atMost(patience()).until(() -> effects.size() == n);
        await().during(Duration.ofMillis(500)).atMost(patience())
                .until(() -> effects.values().stream().allMatch(c -> c.get() == 1));
        assertThat(effects.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(n);
    }

    @Test
    void durableSubscriptionKeepsWhatWasPublishedWhileItsGroupWasDown() {
        String address = unique("events");
        Subscriber first = new Subscriber();
        Parley before = runtime("sub-before");
        Registration r = before.subscribe(OrderEvents.class, "durable", first, address);
        OrderEvents events = runtime("publisher").publisher(OrderEvents.class, address);
        events.placed(order(0));
        await().atMost(patience()).until(() -> first.seen.contains("o-0"));
        r.close();
        before.close();

        for (int i = 1; i <= 5; i++) {
            events.placed(order(i));
        }
        Subscriber after = new Subscriber();
        runtime("sub-after").subscribe(OrderEvents.class, "durable", after, address);
        await().atMost(patience()).until(() -> after.seen.containsAll(List.of("o-1", "o-2", "o-3", "o-4", "o-5")));
        assertThat(after.seen).doesNotContain("o-0");
    }

    @Test
    void consumerKilledMidBatchHasItsMessagesRedeliveredToAnother() throws Exception {
        assumeTrue(redeliversAfterConsumerCrash(), "this broker does not redeliver after a consumer crash");
        String address = unique("orders");
        int n = 10;
        CountDownLatch never = new CountDownLatch(1);
        Set<String> victimHeld = ConcurrentHashMap.newKeySet();
        Orders stuck = new OrderDesk("victim") {
            @Override
            public void record(Order order) {
                victimHeld.add(order.id());
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        BrokerTransportProvider victimProvider = provider(options());
        runtime("victim", victimProvider).serve(Orders.class, stuck, address);
        Orders orders = runtime("client").client(Orders.class, address);
        for (int i = 0; i < n; i++) {
            orders.record(order(i));
        }
        await().atMost(patience()).until(() -> victimHeld.size() >= Math.min(n, options().prefetch()) / 2);

        victimProvider.crash();
        OrderDesk survivor = new OrderDesk("survivor");
        runtime("survivor").serve(Orders.class, survivor, address);
        await().atMost(patience().multipliedBy(2)).until(() -> survivor.recorded.size() == n);
        assertThat(survivor.recorded).containsAll(victimHeld);
        never.countDown();
    }
}
