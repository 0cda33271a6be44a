package dev.parley.contract.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.Contract;
import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.service.CallCounter;
import dev.parley.service.CallCounter.Usage;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The walk-through of docs/evolution.md, run: trips 1.0, a compatible 1.1, a breaking 2.0 served side by side
 * with 1.1 (implemented as an adapter over 2.0), clients of every version, and who calls what.
 */
class SideBySideTest {

    // 1.0
    record TripV10(String id, String driver) {
    }

    @Contract(name = "trips", version = "1.0")
    interface TripsV10 {
        TripV10 get(String id);
    }

    // 1.1: a new optional response field and a new operation, both compatible
    record TripV11(String id, String driver, Optional<String> car) {
    }

    @Contract(name = "trips", version = "1.1")
    interface TripsV11 {
        TripV11 get(String id);
    }

    // 2.0: the driver became a record: breaking, so a new major version
    record Driver(String name, String car) {
    }

    record TripV2(String id, Driver driver) {
    }

    @Contract(name = "trips", version = "2.0")
    interface TripsV2 {
        TripV2 get(String id);
    }

    /** v1 served as an adapter over the v2 implementation: one implementation, two majors. */
    record V1OverV2(TripsV2 v2) implements TripsV11 {
        @Override
        public TripV11 get(String id) {
            TripV2 t = v2.get(id);
            return new TripV11(t.id(), t.driver().name(), Optional.of(t.driver().car()));
        }
    }

    private final CallCounter calls = new CallCounter();
    private final Parley server = Parley.builder().serverFilter(calls).build();
    private final Parley clients = Parley.builder().build();

    @AfterEach
    void close() {
        clients.close();
        server.close();
    }

    @Test
    void theCheckerJudgesEachStep() {
        ApiModel v10 = ApiModel.of(TripsV10.class);
        ApiModel v11 = ApiModel.of(TripsV11.class);
        ApiModel v2 = ApiModel.of(TripsV2.class);
        assertThat(CompatibilityChecker.compare(v10, v11).verdict()).isEqualTo(DiffReport.Verdict.COMPATIBLE);
        DiffReport major = CompatibilityChecker.compare(v11, v2);
        assertThat(major.verdict()).isEqualTo(DiffReport.Verdict.NEW_MAJOR);
        assertThat(major.changes(Severity.BREAKING)).extracting(Change::rule).contains(Rule.TYPE_CHANGED);
        DiffReport asMinor = CompatibilityChecker.compare(v11, Models.version(v2, "1.2"));
        assertThat(asMinor.failed()).isTrue();
    }

    @Test
    void bothMajorsServedSideBySideAndWhoCallsWhatIsCounted() {
        TripsV2 v2 = id -> new TripV2(id, new Driver("Ada", "Zoe"));
        server.serve(TripsV2.class, v2, "local:trips");
        server.serve(TripsV11.class, new V1OverV2(v2), "local:trips");

        TripsV10 billing = clients.client(TripsV10.class).at("local:trips").name("billing").build();
        TripsV11 app = clients.client(TripsV11.class).at("local:trips").name("app").build();
        TripsV2 dispatch = clients.client(TripsV2.class).at("local:trips").name("dispatch").build();

        assertThat(billing.get("t1")).isEqualTo(new TripV10("t1", "Ada"));
        assertThat(billing.get("t2")).isEqualTo(new TripV10("t2", "Ada"));
        assertThat(app.get("t1")).isEqualTo(new TripV11("t1", "Ada", Optional.of("Zoe")));
        assertThat(dispatch.get("t1")).isEqualTo(new TripV2("t1", new Driver("Ada", "Zoe")));

        assertThat(calls.usage()).containsExactly(
                new Usage("trips", "1.0", "billing", 2),
                new Usage("trips", "1.1", "app", 1),
                new Usage("trips", "2.0", "dispatch", 1));
        assertThat(calls.calls("trips", "1")).isEqualTo(3);
    }

    @Contract(name = "trips", version = "3.0")
    interface TripsV3 {
        TripV2 get(String id);
    }

    @Test
    void anUnservedMajorGetsUnimplementedListingTheVersionsServed() {
        TripsV2 v2 = id -> new TripV2(id, new Driver("Ada", "Zoe"));
        server.serve(TripsV2.class, v2, "local:trips");
        server.serve(TripsV11.class, new V1OverV2(v2), "local:trips");
        TripsV3 future = clients.client(TripsV3.class, "local:trips");
        assertThatThrownBy(() -> future.get("t1"))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.status()).isEqualTo(Status.UNIMPLEMENTED))
                .hasMessageContaining("trips 1.1").hasMessageContaining("trips 2.0");
    }
}
