package dev.parley.transport.http;

import dev.parley.testkit.NettyLeakCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.testkit.FreePorts;
import dev.parley.transport.http.TripsApi.Caller;
import dev.parley.transport.http.TripsApi.Echo;
import dev.parley.transport.http.TripsApi.NewTrip;
import dev.parley.transport.http.TripsApi.Rating;
import dev.parley.transport.http.TripsApi.Search;
import dev.parley.transport.http.TripsApi.StatusChange;
import dev.parley.transport.http.TripsApi.Trip;
import dev.parley.transport.http.TripsApi.TripId;
import dev.parley.transport.http.TripsApi.TripNotFound;
import dev.parley.transport.http.TripsApi.TripStore;
import dev.parley.transport.http.TripsApi.TripUpdate;
import dev.parley.transport.http.TripsApi.Trips;
import dev.parley.transport.http.TripsApi.TripsV2;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The mapping of docs/rest.md, seen from plain HTTP and from a Parley client. */
@ExtendWith(NettyLeakCheck.class)
class RestMappingTest {

    private Parley server;
    private Parley client;
    private TripStore store;
    private String address;
    private Raw http;

    @BeforeEach
    void start() {
        address = "http://127.0.0.1:" + FreePorts.next();
        store = new TripStore();
        server = Parley.builder().instance("rest-server").build();
        server.serve(Trips.class, store, address);
        client = Parley.builder().instance("rest-client").build();
        http = new Raw(address);
    }

    @AfterEach
    void stop() {
        http.close();
        client.close();
        server.close();
    }

    @Test
    void createAnswers201WithLocationAndLinks() {
        HttpResponse<String> r = http.json("POST", "/v1/trips", "{\"passenger\":\"ann\",\"city\":\"Oslo\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("location")).hasValue("/v1/trips/t-1");
        assertThat(r.headers().firstValue("content-type")).hasValue("application/hal+json");
        JsonNode body = Raw.tree(r);
        assertThat(body.get("id").asText()).isEqualTo("t-1");
        assertThat(body.at("/_links/self/href").asText()).isEqualTo("/v1/trips/t-1");
        assertThat(body.at("/_links/cancel/href").asText()).isEqualTo("/v1/trips/t-1");
        assertThat(body.at("/_links/cancel/method").asText()).isEqualTo("DELETE");
        // The link leads where it says.
        assertThat(http.get(body.at("/_links/self/href").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void getAnswers200WithAnETagAnd304WhenItStillMatches() {
        http.json("POST", "/v1/trips", "{\"passenger\":\"ann\",\"city\":\"Oslo\"}");
        HttpResponse<String> r = http.get("/v1/trips/t-1", "Accept", "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Raw.tree(r).get("passenger").asText()).isEqualTo("ann");
        String etag = r.headers().firstValue("etag").orElseThrow();
        assertThat(http.get("/v1/trips/t-1", "If-None-Match", etag).statusCode()).isEqualTo(304);
        http.json("PUT", "/v1/trips/t-1", "{\"city\":\"Bergen\"}");
        HttpResponse<String> changed = http.get("/v1/trips/t-1", "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("etag")).isNotEqualTo(etag);
    }

    @Test
    void putTakesTheIdFromThePathAndTheRestFromTheBody() {
        http.json("POST", "/v1/trips", "{\"passenger\":\"ann\",\"city\":\"Oslo\"}");
        HttpResponse<String> r = http.json("PUT", "/v1/trips/t-1", "{\"city\":\"Bergen\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Raw.tree(r).get("city").asText()).isEqualTo("Bergen");
        assertThat(store.trips.get("t-1").city()).isEqualTo("Bergen");
    }

    @Test
    void patchTakesAQueryParameterAndDeleteAnswers204() {
        http.json("POST", "/v1/trips", "{\"passenger\":\"ann\",\"city\":\"Oslo\"}");
        HttpResponse<String> patched = http.send("PATCH", "/v1/trips/t-1/status?status=assigned", "");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(Raw.tree(patched).get("status").asText()).isEqualTo("assigned");
        HttpResponse<String> deleted = http.send("DELETE", "/v1/trips/t-1", "");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        HttpResponse<String> gone = http.get("/v1/trips/t-1");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("content-type")).hasValue("application/problem+json");
        JsonNode problem = Raw.tree(gone);
        assertThat(problem.get("type").asText()).isEqualTo("https://parley.dev/problems/trips/TripNotFound");
        assertThat(problem.get("errorType").asText()).isEqualTo("TripNotFound");
        assertThat(problem.get("detail").asText()).isEqualTo("no trip 't-1'");
    }

    @Test
    void getCarriesEveryComponentInTheQueryAndHeadersCarryTheirs() {
        http.json("POST", "/v1/trips", "{\"passenger\":\"ann\",\"city\":\"Oslo\"}");
        http.json("POST", "/v1/trips", "{\"passenger\":\"bob\",\"city\":\"Oslo\"}");
        http.json("POST", "/v1/trips", "{\"passenger\":\"cy\",\"city\":\"Rome\"}");
        HttpResponse<String> r = http.get("/v1/trips?city=Oslo&max=1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Raw.tree(r).get("trips")).hasSize(1);
        assertThat(Raw.tree(http.get("/v1/trips?city=Oslo&max=5")).get("trips")).hasSize(2);
        HttpResponse<String> hi = http.get("/v1/greeting?greeting=Hello", "X-Caller", "Ann");
        assertThat(hi.body()).isEqualTo("\"Hello, Ann\"");
    }

    @Test
    void notificationAnswers202() throws Exception {
        HttpResponse<String> r = http.json("POST", "/v1/trips/t-9/ratings", "{\"stars\":5}");
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(store.rated.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(store.ratings).containsExactly(new Rating("t-9", 5));
    }

    @Test
    void anOperationWithoutAnnotationsIsPostUnderItsContractAndVersion() {
        HttpResponse<String> r = http.json("POST", "/trips/v1/echo", "{\"text\":\"hi\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Raw.tree(r).get("text").asText()).isEqualTo("hi");
    }

    @Test
    void aParleyClientCallsEveryOperationThroughTheSameMapping() throws Exception {
        Trips trips = client.client(Trips.class, address);
        Trip created = trips.create(new NewTrip("ann", "Oslo"));
        assertThat(created.id()).isEqualTo("t-1");
        assertThat(trips.get(new TripId("t-1"))).isEqualTo(created);
        assertThat(trips.update(new TripUpdate("t-1", "Bergen")).city()).isEqualTo("Bergen");
        assertThat(trips.changeStatus(new StatusChange("t-1", "assigned")).status()).isEqualTo("assigned");
        assertThat(trips.search(new Search("Bergen", 10)).trips()).extracting(Trip::id).containsExactly("t-1");
        assertThat(trips.greet(new Caller("Ann", "Hi"))).isEqualTo("Hi, Ann");
        assertThat(trips.echo(new Echo("x y/z?"))).isEqualTo(new Echo("x y/z?"));
        trips.rate(new Rating("t-1", 4));
        assertThat(store.rated.await(10, TimeUnit.SECONDS)).isTrue();
        trips.cancel(new TripId("t-1"));
        assertThatThrownBy(() -> trips.get(new TripId("t-1"))).isExactlyInstanceOf(TripNotFound.class)
                .hasMessage("no trip 't-1'");
    }

    @Test
    void pathValuesAreEncodedAndDecoded() throws Exception {
        Trips trips = client.client(Trips.class, address);
        store.trips.put("a b/ü", new Trip("a b/ü", "ann", "Oslo", "requested"));
        assertThat(trips.get(new TripId("a b/ü")).passenger()).isEqualTo("ann");
        assertThat(http.get("/v1/trips/a%20b%2F%C3%BC").statusCode()).isEqualTo(200);
    }

    @Test
    void majorVersionsAreServedSideBySideAndAnUnknownOneListsThem() {
        server.serve(TripsV2.class, id -> "v2 of " + id.id(), address);
        http.json("POST", "/v1/trips", "{\"passenger\":\"ann\",\"city\":\"Oslo\"}");
        assertThat(http.get("/v1/trips/t-1").statusCode()).isEqualTo(200);
        HttpResponse<String> v2 = http.get("/v2/trips/t-1");
        assertThat(v2.statusCode()).isEqualTo(200);
        assertThat(v2.body()).isEqualTo("\"v2 of t-1\"");
        assertThat(client.client(TripsV2.class, address).get(new TripId("t-7"))).isEqualTo("v2 of t-7");
        HttpResponse<String> v3 = http.get("/v3/trips/t-1");
        assertThat(v3.statusCode()).isEqualTo(404);
        assertThat(Raw.tree(v3).get("detail").asText()).contains("v1, v2").contains("trips 1.2").contains("trips 2.0");
        assertThat(Raw.tree(v3).get("parleyStatus").asText()).isEqualTo("UNIMPLEMENTED");
    }

    @Test
    void twoContractsClaimingOneRouteAreRefused() {
        @dev.parley.Contract(name = "other", version = "1.0")
        interface Clash {
            @dev.parley.http.Get("/trips/{id}")
            String get(TripId id);
        }
        assertThatThrownBy(() -> server.serve(Clash.class, id -> "x", address))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET /v1/trips/{id}").hasMessageContaining("trips.get").hasMessageContaining("other.get");
        // The refused contract is not half-served.
        HttpResponse<String> r = http.get("/other/v1/get");
        assertThat(r.statusCode()).isEqualTo(404);
    }

    @Test
    void aClientWithoutTheServerIsUnavailable() {
        Trips trips = client.client(Trips.class, "http://127.0.0.1:" + FreePorts.next());
        assertThatThrownBy(() -> trips.get(new TripId("x"))).isInstanceOfSatisfying(ParleyException.class,
                e -> assertThat(e.status()).isEqualTo(Status.UNAVAILABLE));
    }
}
