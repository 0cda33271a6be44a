package dev.parley.codec.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.Status;
import dev.parley.codec.Codec;
import dev.parley.codec.CodecException;
import dev.parley.codec.CodecFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class JsonCodecFactoryTest {

    record Location(double lat, double lon) {
    }

    record Trip(String id, Location pickup, List<String> stops, Optional<String> note, Instant at, LocalDate day,
            Duration eta, int passengers, Map<String, Integer> fares) {
    }

    record Nested(Nested child) {
    }

    private final JsonCodecFactory factory = new JsonCodecFactory();

    @SuppressWarnings("unchecked")
    private <T> Codec<T> codec(Class<T> type) {
        return (Codec<T>) factory.create("application/json", type);
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recordsJavaTimeAndOptionalRoundTrip() {
        Trip trip = new Trip("t-1", new Location(52.5, 13.4), List.of("a", "b"), Optional.of("ring twice"),
                Instant.parse("2026-11-23T10:15:30Z"), LocalDate.of(2026, 11, 23), Duration.ofMinutes(7), 2,
                Map.of("base", 300));
        Codec<Trip> c = codec(Trip.class);
        byte[] body = c.encode(trip);
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"at\":\"2026-11-23T10:15:30Z\"")
                .contains("\"day\":\"2026-11-23\"");
        assertThat(c.decode(body)).isEqualTo(trip);
    }

    @Test
    void tolerantReaderIgnoresUnknownFieldsAndDefaultsMissingOnes() {
        Trip t = codec(Trip.class).decode(json("""
                {"id":"t-2","pickup":{"lat":1,"lon":2,"altitude":9},"newField":{"x":[1,2]},
                 "at":"2026-01-01T00:00:00Z"}"""));
        assertThat(t.id()).isEqualTo("t-2");
        assertThat(t.pickup()).isEqualTo(new Location(1, 2));
        assertThat(t.note()).isEmpty();
        assertThat(t.stops()).isEmpty();
        assertThat(t.fares()).isEmpty();
        assertThat(t.passengers()).isZero();
        assertThat(t.day()).isNull();
    }

    record Tagged(String id, java.util.Set<String> tags) {
    }

    @Test
    void aMissingSetReadsAsEmptyLikeOtherCollections() {
        assertThat(codec(Tagged.class).decode(json("{\"id\":\"t\"}")).tags()).isEmpty();
        assertThat(codec(Tagged.class).decode(json("{\"id\":\"t\",\"tags\":null}")).tags()).isEmpty();
    }

    @Test
    void badJsonNamesTheField() {
        assertThatThrownBy(() -> codec(Trip.class).decode(json("{\"id\":\"t\",\"pickup\":{\"lat\":\"north\"}}")))
                .isInstanceOfSatisfying(CodecException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.INVALID_ARGUMENT))
                .hasMessageContaining("at field 'pickup.lat'");
        assertThatThrownBy(() -> codec(Trip.class).decode(json("{\"stops\":[\"a\", {}]}")))
                .hasMessageContaining("at field 'stops[1]'");
    }

    @Test
    void malformedJsonIsInvalidArgument() {
        assertThatThrownBy(() -> codec(Trip.class).decode(json("{\"id\": ")))
                .isInstanceOfSatisfying(CodecException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.INVALID_ARGUMENT))
                .hasMessageContaining("bad JSON for Trip");
        assertThatThrownBy(() -> codec(Trip.class).decode(json("{\"id\":\"a\"} {\"id\":\"b\"}")))
                .isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> codec(Trip.class).decode(json("{\"id\":\"a\",\"id\":\"b\"}")))
                .hasMessageContaining("Duplicate field 'id'");
    }

    @Test
    void limitsAreEnforced() {
        JsonCodecFactory small = new JsonCodecFactory(new JsonLimits(1024, 8, 16, 10));
        @SuppressWarnings("unchecked")
        Codec<Nested> nested = (Codec<Nested>) small.create("application/json", Nested.class);
        String deep = "{\"child\":".repeat(20) + "null" + "}".repeat(20);
        assertThatThrownBy(() -> nested.decode(json(deep)))
                .isInstanceOfSatisfying(CodecException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.INVALID_ARGUMENT))
                .hasMessageContaining("exceeds a limit").hasMessageContaining("depth");
        @SuppressWarnings("unchecked")
        Codec<Location> loc = (Codec<Location>) small.create("application/json", Location.class);
        assertThatThrownBy(() -> loc.decode(json("{\"lat\":" + "1".repeat(50) + "}")))
                .hasMessageContaining("exceeds a limit");
        @SuppressWarnings("unchecked")
        Codec<String> str = (Codec<String>) small.create("application/json", String.class);
        assertThatThrownBy(() -> str.decode(json("\"" + "x".repeat(100) + "\"")))
                .hasMessageContaining("exceeds a limit");
        assertThatThrownBy(() -> str.decode(json("\"" + "x".repeat(2000) + "\"")))
                .hasMessageContaining("exceeds a limit");
    }

    @Test
    void typeIdsOnTheWireAreIgnored() {
        Location l = codec(Location.class).decode(json(
                "{\"@class\":\"java.lang.ProcessBuilder\",\"lat\":1,\"lon\":2}"));
        assertThat(l).isEqualTo(new Location(1, 2));
        assertThat(factory.create("application/json", Object.class)).isNotNull();
    }

    @Test
    void otherMediaTypesAreNotMine() {
        assertThat(factory.create("application/xml", Trip.class)).isNull();
        assertThat(factory.create("application/problem+json", Trip.class)).isNotNull();
        assertThat(factory.mediaTypes()).containsExactly("application/json");
    }

    @Test
    void foundThroughServiceLoader() {
        assertThat(ServiceLoader.load(CodecFactory.class).stream().map(p -> p.type().getName()))
                .contains(JsonCodecFactory.class.getName());
    }
}
