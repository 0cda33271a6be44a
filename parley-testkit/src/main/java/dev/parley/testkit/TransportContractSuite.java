package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Replies;
import dev.parley.Status;
import dev.parley.service.Filter;
import dev.parley.testkit.SuiteContracts.AsyncEvents;
import dev.parley.testkit.SuiteContracts.AsyncInventory;
import dev.parley.testkit.SuiteContracts.Bid;
import dev.parley.testkit.SuiteContracts.Event;
import dev.parley.testkit.SuiteContracts.Events;
import dev.parley.testkit.SuiteContracts.Inventory;
import dev.parley.testkit.SuiteContracts.InventoryV2;
import dev.parley.testkit.SuiteContracts.Item;
import dev.parley.testkit.SuiteContracts.ItemId;
import dev.parley.testkit.SuiteContracts.ItemNotFound;
import dev.parley.testkit.SuiteContracts.Note;
import dev.parley.testkit.SuiteServices.InventoryService;
import dev.parley.testkit.SuiteServices.Listener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The interaction-style suite every transport passes unchanged: extend it, say how to make addresses, and
 * run it. It covers the five styles, error mapping, deadlines and their propagation, cancellation, and
 * many concurrent calls.
 *
 * <pre>{@code
 * class TcpTransportContractTest extends TransportContractSuite {
 *     protected String serviceAddress(String name) { return "tcp://127.0.0.1:" + freePort(); }
 *     protected boolean supportsEvents() { return false; }
 * }
 * }</pre>
 */
public abstract class TransportContractSuite {

    private final List<Parley> runtimes = new ArrayList<>();
    private String testName = "test";

    /** An address to serve a service at; each call should give one no other test uses. */
    protected abstract String serviceAddress(String name);

    /** Where {@code count} instances of one service listen, and the one address a client reaches them all by. */
    public record Replicas(List<String> servers, String client) {
    }

    /**
     * Addresses for {@code count} instances of one service. By default they share one address, as they can
     * on a broker or in-process; a transport whose servers each need their own (tcp://) lists them all in
     * the client's address.
     */
    protected Replicas replicas(String name, int count) {
        String address = serviceAddress(name);
        return new Replicas(java.util.Collections.nCopies(count, address), address);
    }

    /** An address for an events contract's topic; each call should give one no other test uses. */
    protected String topicAddress(String name) {
        return serviceAddress(name);
    }

    /**
     * Whether the transport carries events (publish/subscribe and publish/async-response). A transport
     * that does not (plain RPC such as {@code tcp://}) has the event tests skipped, visibly.
     */
    protected boolean supportsEvents() {
        return true;
    }

    /**
     * Whether a call to an address nobody serves fails at once with UNAVAILABLE. On a broker it does not: the
     * request waits in its queue for a server (until its deadline).
     */
    protected boolean failsWhenNobodyServes() {
        return true;
    }

    /** Whether a client that gives up stops the handler on the server. */
    protected boolean supportsCancellation() {
        return true;
    }

    /** How many async calls {@link #manyConcurrentAsyncCallsAllComplete()} keeps in flight at once. */
    protected int concurrentCalls() {
        return 10_000;
    }

    /** A runtime builder; override to add transport settings. Every runtime is closed after each test. */
    protected Parley.Builder runtimeBuilder() {
        return Parley.builder();
    }

    @BeforeEach
    void name(TestInfo info) {
        testName = info.getTestMethod().map(m -> m.getName()).orElse("test").toLowerCase();
    }

    @AfterEach
    void closeRuntimes() {
        for (Parley p : runtimes) {
            p.close();
        }
        runtimes.clear();
    }

    /** A runtime closed after the test. */
    protected Parley runtime(String instance) {
        return track(runtimeBuilder().instance(instance + "-" + testName));
    }

    private Parley track(Parley.Builder builder) {
        Parley p = builder.build();
        runtimes.add(p);
        return p;
    }

    private record Served(Parley server, Parley client, String address, InventoryService impl) {
        Inventory inventory() {
            return client.client(Inventory.class, address);
        }
    }

    private Served served() {
        Parley server = runtime("server");
        String address = serviceAddress(testName);
        InventoryService impl = new InventoryService();
        server.serve(Inventory.class, impl, address);
        return new Served(server, runtime("client"), address, impl);
    }

    // ---- request/response -------------------------------------------------------------------------------

    @Test
    void requestResponseReturnsTheValue() throws Exception {
        Item item = served().inventory().get(new ItemId("apple"));
        assertThat(item.id()).isEqualTo("apple");
        assertThat(item.quantity()).isEqualTo(5);
        assertThat(item.tags()).containsExactly("fruit", "red");
        assertThat(item.note()).contains("crisp");
        assertThat(item.at()).isEqualTo(InventoryService.AT);
    }

    @Test
    void voidRequestResponseWaitsForTheHandler() {
        Served s = served();
        s.inventory().touch(new ItemId("pear"));
        assertThat(s.impl.touched).containsExactly("pear");
    }

    // ---- request/async-response -------------------------------------------------------------------------

    @Test
    void asyncCallReturnsBeforeTheReplyAndCompletesLater() throws Exception {
        Served s = served();
        CompletableFuture<Item> reply = s.inventory().reserve(new ItemId("plum"));
        assertThat(reply).isNotDone();
        s.impl.release.countDown();
        assertThat(reply.get(10, TimeUnit.SECONDS).id()).isEqualTo("plum");
    }

    @Test
    void manyConcurrentAsyncCallsAllComplete() throws Exception {
        Served s = served();
        s.impl.release.countDown();
        Inventory inventory = s.inventory();
        int n = concurrentCalls();
        List<CompletableFuture<Item>> calls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            calls.add(inventory.reserve(new ItemId("item-" + i)));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (int i = 0; i < n; i++) {
            assertThat(calls.get(i).join().id()).isEqualTo("item-" + i);
        }
    }

    // ---- notification -----------------------------------------------------------------------------------

    @Test
    void notificationReachesExactlyOneInstance() {
        Replicas replicas = replicas(testName, 2);
        InventoryService first = new InventoryService();
        InventoryService second = new InventoryService();
        runtime("server-a").serve(Inventory.class, first, replicas.servers().get(0));
        runtime("server-b").serve(Inventory.class, second, replicas.servers().get(1));
        Inventory inventory = runtime("client").client(Inventory.class, replicas.client());
        for (int i = 0; i < 20; i++) {
            inventory.record(new Note("n" + i));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> all = new ArrayList<>(first.notes);
            all.addAll(second.notes);
            assertThat(all).hasSize(20).doesNotHaveDuplicates();
        });
    }

    // ---- publish/subscribe ------------------------------------------------------------------------------

    @Test
    void everyGroupGetsEachEventOnceAndMembersCompete() {
        assumeTrue(supportsEvents(), "this transport carries no events");
        String address = topicAddress(testName);
        Listener a1 = new Listener("a1");
        Listener a2 = new Listener("a2");
        Listener b = new Listener("b");
        runtime("sub-a1").subscribe(Events.class, "group-a", a1, address);
        runtime("sub-a2").subscribe(Events.class, "group-a", a2, address);
        runtime("sub-b").subscribe(Events.class, "group-b", b, address);
        Events events = runtime("publisher").publisher(Events.class, address);
        for (int i = 0; i < 10; i++) {
            events.happened(new Event(i, "e" + i));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Integer> groupA = new ArrayList<>(a1.seen);
            groupA.addAll(a2.seen);
            assertThat(groupA).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            assertThat(b.seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        });
    }

    // ---- publish/async-response -------------------------------------------------------------------------

    @Test
    void publishedRequestCollectsOneReplyPerGroupUpToTheCount() {
        assumeTrue(supportsEvents(), "this transport carries no events");
        String address = topicAddress(testName);
        for (String g : List.of("x", "y", "z")) {
            runtime("bidder-" + g).subscribe(Events.class, g, new Listener(g), address);
        }
        Events events = runtime("auctioneer").publisher(Events.class).at(address)
                .within(Duration.ofSeconds(10)).atMost(3).build();
        Replies<Bid> bids = events.auction(new Event(1, "lot"));
        assertThat(bids.end()).isEqualTo(Replies.End.COUNT_REACHED);
        assertThat(bids.isPartial()).isFalse();
        assertThat(bids.values()).extracting(Bid::bidder).containsExactlyInAnyOrder("x", "y", "z");
        assertThat(bids.all()).extracting(r -> r.responder().substring(0, 2))
                .containsExactlyInAnyOrder("x/", "y/", "z/");
    }

    @Test
    void windowClosesOnSlowRespondersAndLateRepliesAreCounted() throws Exception {
        assumeTrue(supportsEvents(), "this transport carries no events");
        String address = topicAddress(testName);
        Listener fast = new Listener("fast");
        Listener slow = new Listener("slow");
        runtime("fast").subscribe(Events.class, "fast", fast, address);
        runtime("slow").subscribe(Events.class, "slow", slow, address);
        Events events = runtime("auctioneer").publisher(Events.class).at(address)
                .within(Duration.ofMillis(300)).atMost(2).build();
        Replies<Bid> bids = events.auction(new Event(2, "lot"));
        assertThat(bids.end()).isEqualTo(Replies.End.WINDOW_CLOSED);
        assertThat(bids.isPartial()).isTrue();
        assertThat(bids.values()).extracting(Bid::bidder).containsExactly("fast");
        slow.release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> bids.late() == 1);
        assertThat(bids.size()).isEqualTo(1);
    }

    @Test
    void aFailingResponderIsAReplyWithAnError() {
        assumeTrue(supportsEvents(), "this transport carries no events");
        String address = topicAddress(testName);
        runtime("ok").subscribe(Events.class, "ok", new Listener("ok"), address);
        runtime("broken").subscribe(Events.class, "broken", new Listener("broken"), address);
        Events events = runtime("auctioneer").publisher(Events.class).at(address)
                .within(Duration.ofSeconds(10)).atMost(2).build();
        Replies<Bid> bids = events.auction(new Event(3, "lot"));
        assertThat(bids.values()).extracting(Bid::bidder).containsExactly("ok");
        assertThat(bids.errors()).singleElement().satisfies(r -> {
            assertThat(r.responder()).startsWith("broken/");
            assertThat(r.error()).isInstanceOf(ParleyException.class);
            assertThat(((ParleyException) r.error()).status()).isEqualTo(Status.UNAVAILABLE);
        });
    }

    @Test
    void asyncPublishedRequestDoesNotBlock() throws Exception {
        assumeTrue(supportsEvents(), "this transport carries no events");
        String address = topicAddress(testName);
        runtime("bidder").subscribe(Events.class, "only", new Listener("only"), address);
        AsyncEvents events = runtime("auctioneer").publisher(AsyncEvents.class).at(address)
                .within(Duration.ofSeconds(10)).atMost(1).build();
        CompletableFuture<Replies<Bid>> bids = events.auction(new Event(4, "lot"));
        assertThat(bids.get(10, TimeUnit.SECONDS).values()).extracting(Bid::bidder).containsExactly("only");
    }

    @Test
    void handlersRunOnVirtualThreadsUnlessTheySayTheyNeverBlock() {
        Inventory inventory = served().inventory();
        assertThat(inventory.threadOfBlocking(new Note("?"))).isEqualTo("virtual");
        assertThat(inventory.threadOfNonBlocking(new Note("?"))).isEqualTo("platform");
    }

    // ---- errors -----------------------------------------------------------------------------------------

    @Test
    void declaredExceptionArrivesAsTheSameTypeWithItsMessage() {
        Inventory inventory = served().inventory();
        assertThatThrownBy(() -> inventory.get(new ItemId("missing")))
                .isExactlyInstanceOf(ItemNotFound.class)
                .hasMessage("no item 'missing'");
    }

    @Test
    void declaredExceptionFailsTheFutureOfAnAsyncCall() throws Exception {
        Served s = served();
        CompletableFuture<Item> call = s.client.client(AsyncInventory.class, s.address).get(new ItemId("missing"));
        assertThat(call).failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isExactlyInstanceOf(ItemNotFound.class).withMessage("no item 'missing'");
    }

    @Test
    void undeclaredFailureIsInternalWithoutServerDetails() {
        Inventory inventory = served().inventory();
        failsWith(Status.INTERNAL, () -> inventory.fail(new Note("boom")))
                .isExactlyInstanceOf(ParleyException.class)
                .hasMessageNotContaining("secret")
                .hasMessageNotContaining("IllegalStateException")
                .hasMessageNotContaining("at dev.parley");
    }

    @Test
    void parleyExceptionKeepsItsStatus() {
        Inventory inventory = served().inventory();
        failsWith(Status.NOT_FOUND, () -> inventory.fail(new Note("not-found")))
                .isExactlyInstanceOf(ParleyException.class)
                .hasMessageContaining("nothing called not-found");
    }

    @Test
    void unknownMajorVersionIsUnimplementedAndListsServedVersions() {
        Served s = served();
        InventoryV2 v2 = s.client.client(InventoryV2.class, s.address);
        failsWith(Status.UNIMPLEMENTED, () -> v2.describe(new ItemId("a")))
                .hasMessageContaining("suite-inventory 1.3");
    }

    @Test
    void majorVersionsAreServedSideBySide() throws Exception {
        Served s = served();
        s.server.serve(InventoryV2.class, id -> "v2:" + id.id(), s.address);
        assertThat(s.client.client(InventoryV2.class, s.address).describe(new ItemId("a"))).isEqualTo("v2:a");
        assertThat(s.inventory().get(new ItemId("apple")).id()).isEqualTo("apple");
    }

    @Test
    void callingAnAddressNobodyServesIsUnavailable() {
        assumeTrue(failsWhenNobodyServes(), "requests to an address nobody serves wait for a server here");
        Inventory inventory = runtime("client").client(Inventory.class).at(serviceAddress(testName + "-nobody"))
                .timeout(Duration.ofSeconds(5)).build();
        failsWith(Status.UNAVAILABLE, () -> inventory.touch(new ItemId("a")));
    }

    // ---- deadlines and cancellation ---------------------------------------------------------------------

    @Test
    void callPastItsDeadlineFailsWithDeadlineExceeded() {
        Served s = served();
        s.inventory().touch(new ItemId("warm-up")); // connected, so the short deadline is spent on the call
        Inventory inventory = s.client.client(Inventory.class).at(s.address).timeout(Duration.ofMillis(200)).build();
        failsWith(Status.DEADLINE_EXCEEDED, () -> inventory.slow(new Note("wait")));
        if (supportsCancellation()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> s.impl.slowSawCancellation.getCount() == 0);
        }
    }

    @Test
    void cancellingTheFutureStopsTheHandler() throws Exception {
        if (!supportsCancellation()) {
            return;
        }
        Served s = served();
        AsyncInventory inventory = s.client.client(AsyncInventory.class, s.address);
        CompletableFuture<String> call = inventory.slow(new Note("wait"));
        assertThat(s.impl.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
        call.cancel(true);
        assertThat(s.impl.slowSawCancellation.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void handlerPassesItsRemainingDeadlineOn() {
        Parley downstream = runtime("downstream");
        String downAddress = serviceAddress(testName + "-down");
        InventoryService downImpl = new InventoryService();
        downstream.serve(Inventory.class, downImpl, downAddress);
        Parley middle = runtime("middle");
        String midAddress = serviceAddress(testName + "-mid");
        InventoryService midImpl = new InventoryService();
        // The middle's own client timeout is long: the budget it passes on must come from its caller.
        midImpl.next = middle.client(Inventory.class).at(downAddress).timeout(Duration.ofSeconds(60)).build();
        middle.serve(Inventory.class, midImpl, midAddress);
        Inventory edge = runtime("edge").client(Inventory.class).at(midAddress).timeout(Duration.ofSeconds(2)).build();
        long passedOnMillis = Long.parseLong(edge.relay(new Note("hop")));
        assertThat(passedOnMillis).isPositive().isLessThanOrEqualTo(2_000);
    }

    @Test
    void expiredDeadlineIsNotDispatched() {
        ManualScheduler clock = new ManualScheduler();
        String address = serviceAddress(testName);
        InventoryService impl = new InventoryService();
        // The server's first filter takes longer than the whole budget: the handler must not run.
        Filter slowFilter = (request, next) -> {
            clock.advance(Duration.ofSeconds(2));
            return next.call(request);
        };
        Parley server = track(runtimeBuilder().scheduler(clock).serverFilter(slowFilter).instance("server-" + testName));
        server.serve(Inventory.class, impl, address);
        Parley client = track(runtimeBuilder().scheduler(clock).instance("client-" + testName));
        Inventory inventory = client.client(Inventory.class).at(address).timeout(Duration.ofSeconds(1)).build();
        failsWith(Status.DEADLINE_EXCEEDED, () -> inventory.touch(new ItemId("late")));
        assertThat(impl.touched).isEmpty();
    }

    @Test
    void badBodyIsInvalidArgumentNamingTheField() {
        String address = serviceAddress(testName);
        runtime("server").serve(Inventory.class, new InventoryService(), address);
        Filter corrupt = (request, next) -> next.call(request.withBody(
                "{\"id\": {\"nested\": true}}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Parley client = track(runtimeBuilder().clientFilter(corrupt).instance("client-" + testName));
        Inventory inventory = client.client(Inventory.class, address);
        failsWith(Status.INVALID_ARGUMENT, () -> inventory.touch(new ItemId("x")))
                .hasMessageContaining("'id'");
    }

    @Test
    void handlerWithAnExpiredDeadlineCannotCallOn() {
        Served s = served();
        Inventory inventory = s.client.client(Inventory.class).at(s.address).timeout(Duration.ofMillis(300)).build();
        InventoryService middle = new InventoryService();
        middle.next = inventory;
        middle.waitForExpiry = true;
        String midAddress = serviceAddress(testName + "-mid");
        runtime("middle").serve(Inventory.class, middle, midAddress);
        Inventory edge = s.client.client(Inventory.class).at(midAddress).timeout(Duration.ofMillis(300)).build();
        failsWith(Status.DEADLINE_EXCEEDED, () -> edge.relay(new Note("late")));
        assertThat(s.impl.relayed.get()).isZero();
    }

    /** Asserts that {@code call} throws a {@link ParleyException} with {@code status}; chain more checks. */
    protected static AbstractThrowableAssert<?, ? extends Throwable> failsWith(Status status, ThrowingCallable call) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(ParleyException.class,
                e -> assertThat(e.status()).as("status").isEqualTo(status));
    }

}
