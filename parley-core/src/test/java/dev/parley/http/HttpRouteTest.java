package dev.parley.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.Contract;
import dev.parley.OneWay;
import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.InvalidContractException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRouteTest {

    record TripId(String id) {
    }

    record Trip(String id) {
    }

    record Search(String city, @Query("max") int limit, @Header("X-Region") String region) {
    }

    record Update(String id, String city, @Header("If-Match") String version) {
    }

    @Contract(name = "trips", version = "2.1")
    interface Trips {
        @Get("/trips/{id}")
        Trip get(TripId id);

        @Get("/trips")
        List<Trip> search(Search s);

        @Put("/trips/{id}")
        Trip update(Update u);

        @Post("/trips")
        Trip create(Trip t);

        Trip plain(TripId id);
    }

    @Test
    void readsLevelOneAndResourceRoutes() {
        Map<String, HttpRoute> routes = HttpRoute.of(ContractDescriptor.of(Trips.class));
        HttpRoute plain = routes.get("plain");
        assertThat(plain.method()).isEqualTo("POST");
        assertThat(plain.template()).isEqualTo("/trips/v2/plain");
        assertThat(plain.resource()).isFalse();
        assertThat(plain.body()).isTrue();

        HttpRoute get = routes.get("get");
        assertThat(get.template()).isEqualTo("/v2/trips/{id}");
        assertThat(get.pathParams()).containsExactly("id");
        assertThat(get.body()).isFalse();

        HttpRoute search = routes.get("search");
        assertThat(search.queryParams()).containsExactlyInAnyOrderEntriesOf(Map.of("city", "city", "limit", "max"));
        assertThat(search.headerParams()).containsExactlyEntriesOf(Map.of("region", "x-region"));

        HttpRoute update = routes.get("update");
        assertThat(update.method()).isEqualTo("PUT");
        assertThat(update.body()).isTrue();
        assertThat(update.headerParams()).containsEntry("version", "if-match");
        assertThat(update.parameterRecord()).isEqualTo(Update.class);

        assertThat(routes.get("create").parameterRecord()).isNull();
    }

    @Contract(name = "bad", version = "1.0")
    interface TwoMethods {
        @Get("/a")
        @Post("/a")
        Trip op(TripId id);
    }

    @Contract(name = "bad", version = "1.0")
    interface UnknownVariable {
        @Get("/trips/{tripId}")
        Trip op(TripId id);
    }

    @Contract(name = "bad", version = "1.0")
    interface VariableWithoutRecord {
        @Get("/trips/{id}")
        Trip op(String id);
    }

    @Contract(name = "bad", version = "1.0")
    interface BadTemplate {
        @Get("trips/{id}")
        Trip op(TripId id);
    }

    @Contract(name = "bad", version = "1.0")
    interface PartialVariable {
        @Get("/trips/id-{id}")
        Trip op(TripId id);
    }

    record Nested(String id, Trip trip) {
    }

    @Contract(name = "bad", version = "1.0")
    interface ComplexQuery {
        @Get("/trips/{id}")
        Trip op(Nested n);
    }

    @Contract(name = "bad", version = "1.0")
    interface GetNotification {
        @OneWay
        @Get("/trips/{id}")
        void op(TripId id);
    }

    record Annotated(@Query String q) {
    }

    @Contract(name = "bad", version = "1.0")
    interface QueryWithoutMethod {
        Trip op(Annotated a);
    }

    @Link(rel = "self", operation = "missing")
    record Linked(String id) {
    }

    @Contract(name = "bad", version = "1.0")
    interface BadLink {
        @Get("/l/{id}")
        Linked op(TripId id);
    }

    @HttpStatus(200)
    static final class NotAnError extends Exception {
        private static final long serialVersionUID = 1L;

        NotAnError(String message) {
            super(message);
        }
    }

    @Contract(name = "bad", version = "1.0")
    interface BadStatus {
        @Get("/x/{id}")
        Trip op(TripId id) throws NotAnError;
    }

    @Test
    void badMappingsAreRefusedNamingInterfaceMethodAndRule() {
        refused(TwoMethods.class, "at most one HTTP method");
        refused(UnknownVariable.class, "{tripId} has no component of that name in TripId [id]");
        refused(VariableWithoutRecord.class, "needs the parameter to be a record");
        refused(BadTemplate.class, "must start with '/'");
        refused(PartialVariable.class, "segment 'id-{id}' must be a literal");
        refused(ComplexQuery.class, "'trip' is " + Trip.class.getTypeName());
        refused(GetNotification.class, "@Get on a @OneWay operation");
        refused(QueryWithoutMethod.class, "no HTTP method annotation");
        refused(BadLink.class, "names operation 'missing', which the contract does not have");
        refused(BadStatus.class, "@HttpStatus(200)");
    }

    private static void refused(Class<?> contract, String rule) {
        assertThatThrownBy(() -> ContractDescriptor.of(contract))
                .isInstanceOf(InvalidContractException.class)
                .hasMessageStartingWith(contract.getName() + ".op: ")
                .hasMessageContaining(rule);
    }
}
