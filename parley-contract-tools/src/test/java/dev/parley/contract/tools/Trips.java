package dev.parley.contract.tools;

import dev.parley.Contract;
import dev.parley.Idempotent;
import dev.parley.OneWay;
import dev.parley.Publish;
import dev.parley.Replies;
import dev.parley.Timeout;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** The contracts the tests read: one of each style, every kind of field. */
final class Trips {

    private Trips() {
    }

    enum Status { REQUESTED, ASSIGNED, DONE }

    record TripId(UUID value) {
    }

    record Place(double lat, double lon) {
    }

    record Trip(TripId id, Status status, Place pickup, List<Place> stops, Map<String, String> tags,
            Optional<String> driver, @Nullable String note, Instant created, long fare, Set<Status> history,
            @Nullable Trip previous) {
    }

    enum Seat { STANDARD, XL }

    record PickupRequest(String passenger, Place pickup, @Nullable String note, int seats, Seat seat) {
    }

    record Quote(String driver, int cents) {
    }

    static final class TripNotFound extends Exception {
        private static final long serialVersionUID = 1L;

        TripNotFound(String message) {
            super(message);
        }
    }

    @Contract(name = "trips", version = "1.0")
    interface TripService {
        @Idempotent
        @Timeout(millis = 500)
        Trip get(TripId id) throws TripNotFound;

        CompletableFuture<Trip> create(PickupRequest request);

        @OneWay
        void cancel(TripId id);

        List<Trip> all();
    }

    record TripCreated(TripId id, Place pickup) {
    }

    @Contract(name = "trip-events", version = "1.0")
    interface TripEvents {
        @Publish
        void created(TripCreated event);
    }

    @Contract(name = "dispatch", version = "1.0")
    interface DriverQuotes {
        @Publish
        Replies<Quote> quote(TripCreated trip);
    }
}
