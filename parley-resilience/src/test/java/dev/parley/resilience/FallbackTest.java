package dev.parley.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.ClientCall;
import dev.parley.Contract;
import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.service.Policy;
import dev.parley.testkit.FreePorts;
import dev.parley.testkit.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Fallbacks on a manual clock, sync and async; the caller can always tell a fallback's answer. */
class FallbackTest {

    enum Mode { SYNC, ASYNC }

    public record Query(String city) {
    }

    public record Price(String city, int cents) {
    }

    @Contract(name = "prices")
    public interface Prices {
        Price quote(Query q);
    }

    @Contract(name = "prices")
    public interface AsyncPrices {
        CompletableFuture<Price> quote(Query q);
    }

    private static int next;
    private final ManualScheduler clock = new ManualScheduler();
    private final Parley server = Parley.builder().scheduler(clock).build();
    private final Parley client = Parley.builder().scheduler(clock).build();
    private final String address = "local:prices-" + (++next);
    private final List<ResilienceEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicReference<Status> failWith = new AtomicReference<>();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private void serve() {
        server.serve(Prices.class, q -> {
            Status s = failWith.get();
            if (s != null) {
                throw new ParleyException(s, "prices say " + s);
            }
            return new Price(q.city(), 1000);
        }, address);
    }

    /** The answer and how it was made, whichever way the call was made. */
    private record Answer(Price price, ClientCall call) {
    }

    /** Asks for a city's price through one client, sync or async. */
    @FunctionalInterface
    private interface Asker {
        Answer ask(String city) throws Exception;
    }

    private Asker asker(Mode mode, Policy policy) {
        if (mode == Mode.ASYNC) {
            AsyncPrices prices = client.client(AsyncPrices.class).at(address).policy(policy).build();
            return city -> {
                CompletableFuture<Price> f = prices.quote(new Query(city));
                Price p = f.get(10, TimeUnit.SECONDS);
                return new Answer(p, ClientCall.of(f));
            };
        }
        Prices prices = client.client(Prices.class).at(address).policy(policy).build();
        return city -> new Answer(prices.quote(new Query(city)), ClientCall.last());
    }

    private Answer ask(Mode mode, Policy policy, String city) throws Exception {
        return asker(mode, policy).ask(city);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void defaultValueWhenNothingAnswers(Mode mode) throws Exception {
        Answer a = ask(mode, Fallback.value("quote", new Price("anywhere", 0), events::add), "Oslo");
        assertThat(a.price()).isEqualTo(new Price("anywhere", 0));
        assertThat(a.call().fromFallback()).isTrue();
        assertThat(a.call().fallback()).isEqualTo("default");
        assertThat(events).singleElement().isEqualTo(
                new ResilienceEvent.FallbackUsed("prices.quote", "default", Status.UNAVAILABLE));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void functionOfTheRequestAndTheFailure(Mode mode) throws Exception {
        serve();
        failWith.set(Status.INTERNAL);
        Policy policy = Fallback.<Query, Price>from("quote",
                (q, failure) -> new Price(q.city() + " (" + ((ParleyException) failure).status() + ")", -1));
        assertThat(ask(mode, policy, "Lima").price()).isEqualTo(new Price("Lima (INTERNAL)", -1));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void lastGoodAnswerForTheSameRequestUntilItExpires(Mode mode) throws Exception {
        serve();
        Asker prices = asker(mode, Fallback.lastGood(Duration.ofMinutes(1), 100));
        Answer fresh = prices.ask("Rome");
        assertThat(fresh.call().fromFallback()).isFalse();
        failWith.set(Status.UNAVAILABLE);
        Answer remembered = prices.ask("Rome");
        assertThat(remembered.price()).isEqualTo(new Price("Rome", 1000));
        assertThat(remembered.call().fallback()).isEqualTo("last-good");
        assertThatThrownBy(() -> prices.ask("Paris")).satisfies(e -> assertThat(status(e))
                .isEqualTo(Status.UNAVAILABLE));
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThatThrownBy(() -> prices.ask("Rome")).satisfies(e -> assertThat(status(e))
                .isEqualTo(Status.UNAVAILABLE));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void callerMistakesAreNotCoveredUp(Mode mode) {
        serve();
        failWith.set(Status.INVALID_ARGUMENT);
        assertThatThrownBy(() -> ask(mode, Fallback.value("quote", new Price("x", 0)), "Bad"))
                .satisfies(e -> assertThat(status(e)).isEqualTo(Status.INVALID_ARGUMENT));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void fallbackCoversAnOpenBreaker(Mode mode) throws Exception {
        serve();
        failWith.set(Status.UNAVAILABLE);
        Prices raw = client.client(Prices.class).at(address)
                .policy(Fallback.value("quote", new Price("cached", 1), events::add))
                .policy(CircuitBreaker.builder().window(2).minimumCalls(2).listener(events::add).build())
                .build();
        for (int i = 0; i < 3; i++) {
            assertThat(raw.quote(new Query("Bern"))).isEqualTo(new Price("cached", 1));
        }
        assertThat(events).contains(new ResilienceEvent.FallbackUsed("prices.quote", "default", Status.UNAVAILABLE))
                .anySatisfy(e -> assertThat(e).isInstanceOf(ResilienceEvent.CallRejected.class));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anotherEndpointAnswersWhenTheFirstFails(Mode mode) throws Exception {
        serve();
        failWith.set(Status.UNAVAILABLE);
        String standby = address + "-standby";
        server.serve(Prices.class, q -> new Price(q.city() + " (standby)", 900), standby);
        Answer a = ask(mode, Fallback.endpoint(standby, events::add), "Quito");
        assertThat(a.price()).isEqualTo(new Price("Quito (standby)", 900));
        assertThat(a.call().fallback()).isEqualTo("endpoint " + standby);
        assertThat(events).singleElement().isEqualTo(
                new ResilienceEvent.FallbackUsed("prices.quote", "endpoint " + standby, Status.UNAVAILABLE));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void whenTheOtherEndpointFailsTooTheCallerSeesTheFirstFailure(Mode mode) {
        serve();
        failWith.set(Status.INTERNAL);
        String standby = address + "-standby";
        server.serve(Prices.class, q -> {
            throw new ParleyException(Status.UNAVAILABLE, "standby is down too");
        }, standby);
        assertThatThrownBy(() -> ask(mode, Fallback.endpoint(standby, events::add), "Quito"))
                .satisfies(e -> assertThat(status(e)).isEqualTo(Status.INTERNAL));
        assertThat(events).isEmpty();
    }

    @Test
    void deadDownstreamOverTcpIsAnsweredByTheStandbyWithinTheDeadline() {
        String standby = "tcp://127.0.0.1:" + FreePorts.next();
        try (Parley real = Parley.builder().build()) {
            real.serve(Prices.class, q -> new Price(q.city() + " (standby)", 1), standby);
            Prices prices = real.client(Prices.class).at("tcp://127.0.0.1:" + FreePorts.next())
                    .timeout(Duration.ofSeconds(2))
                    .policy(Fallback.endpoint(standby))
                    .build();
            long start = System.nanoTime();
            assertThat(prices.quote(new Query("Accra"))).isEqualTo(new Price("Accra (standby)", 1));
            assertThat(ClientCall.last().fallback()).isEqualTo("endpoint " + standby);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aFallbackOfTheWrongTypeIsRefusedWhenTheClientIsBuilt() {
        assertThatThrownBy(() -> client.client(Prices.class).at(address).policy(Fallback.value("quote", "free"))
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prices.quote");
    }

    @Test
    void deadDownstreamOverTcpGivesTheFallbackWellWithinTheDeadline() {
        try (Parley real = Parley.builder().build()) {
            Prices prices = real.client(Prices.class).at("tcp://127.0.0.1:" + FreePorts.next())
                    .timeout(Duration.ofSeconds(2))
                    .policy(Fallback.value("quote", new Price("offline", 0)))
                    .build();
            long start = System.nanoTime();
            assertThat(prices.quote(new Query("Kyiv"))).isEqualTo(new Price("offline", 0));
            assertThat(ClientCall.last().fromFallback()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    private static Status status(Throwable t) {
        Throwable c = t instanceof ExecutionException ? t.getCause() : t;
        return ((ParleyException) c).status();
    }
}
