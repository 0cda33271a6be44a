package dev.parley.contract.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.Contract;
import dev.parley.codec.json.JsonCodecFactory;
import dev.parley.codec.json.JsonLimits;
import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.InteractionStyle;
import dev.parley.contract.tools.Schema.Field;
import dev.parley.contract.tools.Schema.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiModelTest {

    private final ApiModel trips = ApiModel.of(Trips.TripService.class);

    @Test
    void readsTheContractAndItsOperations() {
        assertThat(trips.name()).isEqualTo("trips");
        assertThat(trips.version()).isEqualTo("1.0");
        assertThat(trips.kind()).isEqualTo(ContractDescriptor.Kind.SERVICE);
        assertThat(trips.operations()).extracting(OperationModel::name).containsExactly("all", "cancel", "create", "get");

        OperationModel get = trips.operation("get");
        assertThat(get.style()).isEqualTo(InteractionStyle.REQUEST_RESPONSE);
        assertThat(get.input()).isEqualTo(Schema.ref("TripId"));
        assertThat(get.output()).isEqualTo(Schema.ref("Trip"));
        assertThat(get.idempotent()).isTrue();
        assertThat(get.timeoutMillis()).isEqualTo(500L);
        assertThat(get.errors()).containsExactly("TripNotFound");

        assertThat(trips.operation("create").style()).isEqualTo(InteractionStyle.REQUEST_ASYNC_RESPONSE);
        assertThat(trips.operation("cancel").output()).isNull();
        assertThat(trips.operation("all").input()).isNull();
        assertThat(trips.operation("all").output()).isEqualTo(Schema.array(Schema.ref("Trip"), false));
    }

    @Test
    void recordsBecomeObjectsWithRequiredAndOptionalFields() {
        Schema trip = trips.types().get("Trip");
        assertThat(trip.kind()).isEqualTo(Kind.OBJECT);
        assertThat(trip.fields()).extracting(Field::name).containsExactly("id", "status", "pickup", "stops", "tags",
                "driver", "note", "created", "fare", "history", "previous");
        assertThat(trip.fields()).filteredOn(Field::required).extracting(Field::name)
                .containsExactly("id", "status", "pickup", "created", "fare");
        assertThat(trip.field("stops").schema()).isEqualTo(Schema.array(Schema.ref("Place"), false));
        assertThat(trip.field("history").schema()).isEqualTo(Schema.array(Schema.ref("Status"), true));
        assertThat(trip.field("tags").schema()).isEqualTo(Schema.map(Schema.scalar(Kind.STRING, null)));
        assertThat(trip.field("driver").schema()).isEqualTo(Schema.scalar(Kind.STRING, null));
        assertThat(trip.field("created").schema()).isEqualTo(Schema.scalar(Kind.STRING, "date-time"));
        assertThat(trip.field("fare").schema()).isEqualTo(Schema.scalar(Kind.INTEGER, "int64"));
        assertThat(trip.field("previous").schema()).isEqualTo(Schema.ref("Trip"));
        assertThat(trips.types().get("Status")).isEqualTo(Schema.enumOf(List.of("REQUESTED", "ASSIGNED", "DONE")));
        assertThat(trips.types().get("TripId").field("value").schema()).isEqualTo(Schema.scalar(Kind.STRING, "uuid"));
    }

    @Test
    void optionalMeansWhatTheTolerantReaderDefaults() throws Exception {
        // Every field the model calls optional, the JSON codec reads from a body that leaves it out.
        ObjectMapper json = JsonCodecFactory.mapper(JsonLimits.DEFAULT);
        Trips.Trip read = json.readValue("""
                {"id":{"value":"7f000001-0000-0000-0000-000000000001"},"status":"DONE",
                 "pickup":{"lat":1,"lon":2},"created":"2026-01-01T00:00:00Z","fare":12}""", Trips.Trip.class);
        assertThat(read.stops()).isEmpty();
        assertThat(read.tags()).isEmpty();
        assertThat(read.history()).isEmpty();
        assertThat(read.driver()).isEmpty();
        assertThat(read.note()).isNull();
        assertThat(read.previous()).isNull();
    }

    record Odd(java.util.SortedSet<String> sorted, java.util.ArrayList<String> list, int[] numbers) {
    }

    @Contract(name = "odd", version = "1.0")
    interface OddContract {
        Odd get(Odd odd);
    }

    @Test
    void collectionTypesTheCodecDoesNotDefaultAreRequired() throws Exception {
        Schema odd = ApiModel.of(OddContract.class).types().get("Odd");
        assertThat(odd.fields()).allMatch(Field::required);
        Odd read = JsonCodecFactory.mapper(JsonLimits.DEFAULT).readValue("{}", Odd.class);
        assertThat(read.sorted()).isNull();
        assertThat(read.list()).isNull();
        assertThat(read.numbers()).isNull();
    }

    @Test
    void eventsAndScatterContracts() {
        ApiModel events = ApiModel.of(Trips.TripEvents.class);
        assertThat(events.kind()).isEqualTo(ContractDescriptor.Kind.EVENTS);
        assertThat(events.operation("created").output()).isNull();
        ApiModel quotes = ApiModel.of(Trips.DriverQuotes.class);
        assertThat(quotes.operation("quote").style()).isEqualTo(InteractionStyle.PUBLISH_ASYNC_RESPONSE);
        assertThat(quotes.operation("quote").output()).isEqualTo(Schema.ref("Quote"));
    }

    @Test
    void theModelRoundTripsThroughJson() {
        String json = ModelJson.write(trips);
        assertThat(ModelJson.read(json)).isEqualTo(trips);
        assertThat(json).contains("\"style\" : \"REQUEST_RESPONSE\"").contains("\"kind\" : \"ref\"")
                .doesNotContain("\"unique\" : false");
    }

    @Test
    void aFileThatIsNotAModelIsRefusedClearly() {
        assertThatThrownBy(() -> ModelJson.read("{\"name\": \"trips\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Parley contract model");
        assertThatThrownBy(() -> ModelJson.read("{\"name\":\"trips\",\"version\":\"one\",\"kind\":\"SERVICE\"}"))
                .hasMessageContaining("version: 'one' (expected: major.minor");
        String dangling = ModelJson.write(trips).replace("\"ref\" : \"Place\"", "\"ref\" : \"Spot\"");
        assertThatThrownBy(() -> ModelJson.read(dangling)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refers to 'Spot', which is not among the types");
    }
}
