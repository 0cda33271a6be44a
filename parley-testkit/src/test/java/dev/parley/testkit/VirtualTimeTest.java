package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.parley.CallContext;
import dev.parley.Contract;
import dev.parley.Defaults;
import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Publish;
import dev.parley.Replies;
import dev.parley.Status;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Deadlines and reply windows on a manual clock: no sleeps, each scenario sync and async. */
class VirtualTimeTest {

    enum Mode { SYNC, ASYNC }

    record Ask(String text) {
    }

    record Answer(String who) {
    }

    @Contract(name = "vt-service")
    public interface Svc {
        String hold(Ask a);
    }

    @Contract(name = "vt-service")
    public interface AsyncSvc {
        CompletableFuture<String> hold(Ask a);
    }

    @Contract(name = "vt-timed")
    public interface Timed {
        @dev.parley.Timeout(millis = 250)
        String quick(Ask a);

        String normal(Ask a);
    }

    @Contract(name = "vt-poll")
    public interface Poll {
        @Publish
        Replies<Answer> ask(Ask a);
    }

    @Contract(name = "vt-poll")
    public interface AsyncPoll {
        @Publish
        CompletableFuture<Replies<Answer>> ask(Ask a);
    }

    private final ManualScheduler clock = new ManualScheduler();
    private final Parley server = Parley.builder().scheduler(clock).instance("vt-server").build();
    private final Parley client = Parley.builder().scheduler(clock).instance("vt-client").build();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private static int next;

    @AfterEach
    void close() {
        release.countDown();
        fastResponder.close();
        client.close();
        server.close();
    }

    private String address() {
        return "local:vt-" + (++next);
    }

    private String serveHolding() {
        String address = address();
        server.serve(Svc.class, a -> {
            started.countDown();
            SuiteServices.awaitQuietly(release);
            return "late";
        }, address);
        return address;
    }

    /** Runs the call in the given mode; the returned future fails the way the caller would see it. */
    private CompletableFuture<String> call(Mode mode, String address, Duration timeout) {
        if (mode == Mode.ASYNC) {
            return client.client(AsyncSvc.class).at(address).timeout(timeout).build().hold(new Ask("x"));
        }
        Svc svc = client.client(Svc.class).at(address).timeout(timeout).build();
        return CompletableFuture.supplyAsync(() -> svc.hold(new Ask("x")));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void callFailsExactlyWhenItsDeadlinePasses(Mode mode) throws Exception {
        String address = serveHolding();
        CompletableFuture<String> call = call(mode, address, Duration.ofMillis(500));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        // The client arms its deadline's timer once the request has gone out, so the handler may start first;
        // a timer armed after the clock moved would count from the later time.
        await().atMost(Duration.ofSeconds(10)).until(() -> clock.pending() == 1);
        clock.advance(Duration.ofMillis(499));
        assertThat(call).isNotDone();
        clock.advance(Duration.ofMillis(1));
        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(ParleyException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.DEADLINE_EXCEEDED));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyCallHasTheDefaultDeadline(Mode mode) throws Exception {
        String address = address();
        AtomicReference<Duration> seen = new AtomicReference<>();
        server.serve(Svc.class, a -> {
            seen.set(CallContext.current().deadline().remaining());
            return "ok";
        }, address);
        CompletableFuture<String> call = mode == Mode.ASYNC
                ? client.client(AsyncSvc.class, address).hold(new Ask("x"))
                : CompletableFuture.completedFuture(client.client(Svc.class, address).hold(new Ask("x")));
        assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(seen.get()).isEqualTo(Defaults.TIMEOUT);
    }

    /** Answers at once; closing it waits until its answer has been handed to the publisher. */
    private final Parley fastResponder = Parley.builder().scheduler(clock).instance("vt-fast").build();
    private final CountDownLatch fastCalled = new CountDownLatch(1);

    @Test
    void timeoutAnnotationSetsTheDeadlineUnlessTheClientSetsOne() {
        String address = address();
        server.serve(Timed.class, new Timed() {
            @Override
            public String quick(Ask a) {
                return CallContext.current().deadline().remaining().toString();
            }

            @Override
            public String normal(Ask a) {
                return quick(a);
            }
        }, address);
        Timed timed = client.client(Timed.class, address);
        assertThat(timed.quick(new Ask("q"))).isEqualTo("PT0.25S");
        assertThat(timed.normal(new Ask("n"))).isEqualTo(Defaults.TIMEOUT.toString());
        Timed own = client.client(Timed.class).at(address).timeout(Duration.ofSeconds(3)).build();
        assertThat(own.quick(new Ask("q"))).isEqualTo("PT3S");
    }

    private void subscribeResponders() {
        fastResponder.subscribe(Poll.class, "fast", a -> {
            fastCalled.countDown();
            return Replies.answer(new Answer("fast"));
        }, "local:vt-poll-" + next);
        server.subscribe(Poll.class, "slow", a -> {
            started.countDown();
            SuiteServices.awaitQuietly(release);
            return Replies.answer(new Answer("slow"));
        }, "local:vt-poll-" + next);
    }

    private CompletableFuture<Replies<Answer>> ask(Mode mode, Duration window, Duration timeout) {
        String address = "local:vt-poll-" + next;
        if (mode == Mode.ASYNC) {
            return client.publisher(AsyncPoll.class).at(address).within(window).timeout(timeout).atMost(2).build()
                    .ask(new Ask("q"));
        }
        Poll poll = client.publisher(Poll.class).at(address).within(window).timeout(timeout).atMost(2).build();
        return CompletableFuture.supplyAsync(() -> poll.ask(new Ask("q")));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void windowEndsCollectionAndTheResultIsPartial(Mode mode) throws Exception {
        next++;
        subscribeResponders();
        CompletableFuture<Replies<Answer>> replies = ask(mode, Duration.ofMillis(100), Duration.ofSeconds(5));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(fastCalled.await(10, TimeUnit.SECONDS)).isTrue();
        fastResponder.close();
        clock.advance(Duration.ofMillis(99));
        assertThat(replies).isNotDone();
        clock.advance(Duration.ofMillis(1));
        Replies<Answer> r = replies.get(10, TimeUnit.SECONDS);
        assertThat(r.end()).isEqualTo(Replies.End.WINDOW_CLOSED);
        assertThat(r.isPartial()).isTrue();
        assertThat(r.values()).extracting(Answer::who).containsExactly("fast");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void deadlineShorterThanTheWindowEndsCollection(Mode mode) throws Exception {
        next++;
        subscribeResponders();
        CompletableFuture<Replies<Answer>> replies = ask(mode, Duration.ofSeconds(5), Duration.ofMillis(50));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        clock.advance(Duration.ofMillis(50));
        Replies<Answer> r = replies.get(10, TimeUnit.SECONDS);
        assertThat(r.end()).isEqualTo(Replies.End.DEADLINE);
        assertThat(r.isPartial()).isTrue();
    }

    @Test
    void clientDescribesItsChainInOrder() {
        Svc svc = client.client(Svc.class).at("local:vt-describe").filter(named("metrics")).build();
        assertThat(svc.toString()).contains("vt-service 1.0").endsWith("metrics -> deadline -> local:vt-describe");
    }

    private static dev.parley.service.Filter named(String name) {
        return new dev.parley.service.Filter() {
            @Override
            public java.util.concurrent.CompletionStage<dev.parley.message.Message> filter(
                    dev.parley.message.Message request, dev.parley.service.Service next) {
                return next.call(request);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
