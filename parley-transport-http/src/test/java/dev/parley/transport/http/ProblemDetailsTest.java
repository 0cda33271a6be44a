package dev.parley.transport.http;

import dev.parley.testkit.NettyLeakCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.Contract;
import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.http.Get;
import dev.parley.http.Post;
import dev.parley.service.Filter;
import dev.parley.testkit.FreePorts;
import dev.parley.testkit.ManualScheduler;
import dev.parley.transport.http.TripsApi.NewTrip;
import dev.parley.transport.http.TripsApi.TripId;
import dev.parley.transport.http.TripsApi.TripStore;
import dev.parley.transport.http.TripsApi.Trips;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every error of docs/rest.md, three ways: the HTTP status, the problem+json body, and the exception a
 * Parley client gets for it.
 */
@ExtendWith(NettyLeakCheck.class)
class ProblemDetailsTest {

    /** The same contract as the server's, plus what the server does not serve. */
    @Contract(name = "trips", version = "1.2")
    interface TripsPlus {
        @Get("/trips/{id}/driver")
        String driver(TripId id);

        @Post("/trips/{id}")
        String poke(TripId id);

        @Get("/trips/{id}")
        String get(TripId id);
    }

    private final List<Parley> runtimes = new ArrayList<>();
    private final TripStore store = new TripStore();
    private final AtomicBoolean overloaded = new AtomicBoolean();
    private final String address = "http://127.0.0.1:" + FreePorts.next();
    private final Raw http = new Raw(address);

    @AfterEach
    void stop() {
        store.release.countDown();
        http.close();
        runtimes.forEach(Parley::close);
    }

    private Parley runtime(Parley.Builder b) {
        Parley p = b.build();
        runtimes.add(p);
        return p;
    }

    private void serve(Parley.Builder b) {
        Filter overload = (request, next) -> overloaded.get()
                ? CompletableFuture.failedFuture(new ParleyException(Status.RESOURCE_EXHAUSTED, "too many calls in flight"))
                : next.call(request);
        runtime(b.serverFilter(overload).instance("server")).serve(Trips.class, store, address);
    }

    private void serve() {
        serve(Parley.builder());
    }

    private Trips client(Filter... filters) {
        Parley.Builder b = Parley.builder().instance("client");
        for (Filter f : filters) {
            b.clientFilter(f);
        }
        return runtime(b).client(Trips.class, address);
    }

    private static JsonNode problem(HttpResponse<String> r, int status, Status parleyStatus) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
        JsonNode p = Raw.tree(r);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("parleyStatus").asText()).isEqualTo(parleyStatus.name());
        assertThat(p.get("type").asText())
                .isEqualTo("https://parley.dev/problems/" + parleyStatus.name().toLowerCase().replace('_', '-'));
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("at dev.parley").doesNotContain("Exception");
        return p;
    }

    private static void clientGets(Status status, String detail, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ParleyException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains(detail);
        });
    }

    @Test
    void badJsonIs400NamingTheField() {
        serve();
        JsonNode p = problem(http.json("POST", "/v1/trips", "{\"passenger\": {\"nested\": 1}, \"city\": \"Oslo\"}"),
                400, Status.INVALID_ARGUMENT);
        assertThat(p.get("detail").asText()).contains("passenger");
        problem(http.json("POST", "/v1/trips", "{\"passenger\": "), 400, Status.INVALID_ARGUMENT);
        Filter corrupt = (request, next) -> next.call(request.withBody(
                "{\"city\": [1, 2]}".getBytes(StandardCharsets.UTF_8)));
        clientGets(Status.INVALID_ARGUMENT, "city", () -> client(corrupt).create(new NewTrip("ann", "Oslo")));
    }

    @Test
    void aPathValueOfTheWrongTypeIs400NamingIt() {
        serve();
        problem(http.get("/v1/trips?city=Oslo&max=many"), 400, Status.INVALID_ARGUMENT);
        assertThat(Raw.tree(http.get("/v1/trips?city=Oslo&max=many")).get("detail").asText())
                .contains("query parameter 'max'").contains("many");
    }

    @Test
    void unknownRouteIs404() {
        serve();
        JsonNode p = problem(http.get("/v1/nothing/here"), 404, Status.UNIMPLEMENTED);
        assertThat(p.get("detail").asText()).contains("GET /v1/nothing/here").contains("trips 1.2");
        TripsPlus plus = runtime(Parley.builder().instance("client")).client(TripsPlus.class, address);
        clientGets(Status.UNIMPLEMENTED, "/v1/trips/t-1/driver", () -> plus.driver(new TripId("t-1")));
    }

    @Test
    void wrongMethodIs405WithAllow() {
        serve();
        HttpResponse<String> r = http.json("POST", "/v1/trips/t-1", "{}");
        problem(r, 405, Status.UNIMPLEMENTED);
        assertThat(r.headers().firstValue("allow")).hasValue("DELETE, GET, PUT");
        TripsPlus plus = runtime(Parley.builder().instance("client")).client(TripsPlus.class, address);
        clientGets(Status.UNIMPLEMENTED, "POST is not allowed", () -> plus.poke(new TripId("t-1")));
    }

    @Test
    void bodyTooLargeIs413() {
        serve(Parley.builder().transport(new HttpTransportProvider(HttpOptions.DEFAULT.withMaxBodyBytes(1024))));
        String big = "x".repeat(2048);
        problem(http.json("POST", "/v1/trips", "{\"passenger\": \"" + big + "\"}"), 413, Status.RESOURCE_EXHAUSTED);
        clientGets(Status.RESOURCE_EXHAUSTED, "larger than the limit", () -> client().create(new NewTrip(big, "Oslo")));
        assertThat(store.trips).isEmpty();
    }

    @Test
    void unsupportedContentTypeIs415() {
        serve();
        JsonNode p = problem(http.send("POST", "/v1/trips", "passenger,city\nann,Oslo", "Content-Type", "text/csv"),
                415, Status.INVALID_ARGUMENT);
        assertThat(p.get("detail").asText()).contains("text/csv").contains("application/json");
        Filter csv = (request, next) -> next.call(request.withHeader("content-type", "text/csv"));
        clientGets(Status.INVALID_ARGUMENT, "text/csv", () -> client(csv).create(new NewTrip("ann", "Oslo")));
    }

    @Test
    void nothingAcceptableIs406() {
        serve();
        store.create(new NewTrip("ann", "Oslo"));
        JsonNode p = problem(http.get("/v1/trips/t-1", "Accept", "application/xml"), 406, Status.INVALID_ARGUMENT);
        assertThat(p.get("detail").asText()).contains("application/xml").contains("application/json");
        assertThat(http.get("/v1/trips/t-1", "Accept", "application/xml, application/*;q=0.5").statusCode())
                .isEqualTo(200);
        Filter xml = (request, next) -> next.call(request.withHeader("accept", "application/xml"));
        clientGets(Status.INVALID_ARGUMENT, "application/xml", () -> client(xml).get(new TripId("t-1")));
    }

    @Test
    void deadlinePassedIs504() throws Exception {
        ManualScheduler clock = new ManualScheduler();
        serve(Parley.builder().scheduler(clock));
        CompletableFuture<HttpResponse<String>> raw = CompletableFuture.supplyAsync(
                () -> http.json("POST", "/v1/trips/t-1/wait", "{}", "parley-deadline-ms", "1000"));
        assertThat(store.slowStarted.await(30, TimeUnit.SECONDS)).isTrue();
        // The server arms its deadline timer once the call is dispatched: move the clock only after that.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> clock.pending() >= 1);
        clock.advance(Duration.ofSeconds(2));
        JsonNode p = problem(raw.get(30, TimeUnit.SECONDS), 504, Status.DEADLINE_EXCEEDED);
        assertThat(p.get("detail").asText()).contains("trips.slow");
        assertThat(store.slowCancelled.await(10, TimeUnit.SECONDS)).as("handler cancelled").isTrue();

        Trips trips = runtime(Parley.builder().instance("client")).client(Trips.class).at(address)
                .timeout(Duration.ofSeconds(60)).build();
        CompletableFuture<Void> call = CompletableFuture.runAsync(() -> clientGets(Status.DEADLINE_EXCEEDED,
                "deadline passed", () -> trips.slow(new TripId("t-2"))));
        // The server's clock runs out while the client's (the real one, 60 s) still has time.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> clock.pending() >= 1);
        clock.advance(Duration.ofSeconds(61));
        call.get(30, TimeUnit.SECONDS);
    }

    @Test
    void overloadedIs503WithRetryAfter() {
        serve();
        overloaded.set(true);
        HttpResponse<String> r = http.get("/v1/trips/t-1");
        problem(r, 503, Status.RESOURCE_EXHAUSTED);
        assertThat(r.headers().firstValue("retry-after")).hasValue("1");
        clientGets(Status.RESOURCE_EXHAUSTED, "too many calls", () -> client().get(new TripId("t-1")));
    }

    @Test
    void undeclaredFailureIs500WithoutServerDetails() {
        @Contract(name = "broken", version = "1.0")
        interface Broken {
            @Get("/broken")
            String fail();
        }
        runtime(Parley.builder().instance("server")).serve(Broken.class, () -> {
            throw new IllegalStateException("secret");
        }, address);
        JsonNode p = problem(http.get("/v1/broken"), 500, Status.INTERNAL);
        assertThat(p.get("detail").asText()).doesNotContain("secret").contains("see the server log");
        Broken client = runtime(Parley.builder().instance("client")).client(Broken.class, address);
        clientGets(Status.INTERNAL, "see the server log", client::fail);
    }

    @Test
    void headersOverTheLimitAre431() {
        serve();
        HttpResponse<String> r = http.get("/v1/trips/t-1", "X-Big", "y".repeat(10_000));
        problem(r, 431, Status.RESOURCE_EXHAUSTED);
    }
}
