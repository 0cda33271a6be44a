package dev.parley.transport.http;

import dev.parley.CallContext;
import dev.parley.Contract;
import dev.parley.Idempotent;
import dev.parley.OneWay;
import dev.parley.http.Delete;
import dev.parley.http.Get;
import dev.parley.http.Header;
import dev.parley.http.HttpStatus;
import dev.parley.http.Link;
import dev.parley.http.Patch;
import dev.parley.http.Post;
import dev.parley.http.Put;
import dev.parley.http.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A hand-designed REST API as a contract: the tests of this module call it over http://. */
public final class TripsApi {

    private TripsApi() {
    }

    public record NewTrip(String passenger, String city) {
    }

    @Link(rel = "self", operation = "get")
    @Link(rel = "cancel", operation = "cancel")
    public record Trip(String id, String passenger, String city, String status) {
    }

    public record TripId(String id) {
    }

    /** PUT /v1/trips/{id}: the id from the path, the city from the body. */
    public record TripUpdate(String id, String city) {
    }

    /** PATCH /v1/trips/{id}/status?status=...: all outside the body. */
    public record StatusChange(String id, @Query String status) {
    }

    /** GET /v1/trips?city=...&max=...: every component in the query. */
    public record Search(String city, @Query("max") int limit) {
    }

    public record TripList(List<Trip> trips) {
    }

    public record Rating(String id, int stars) {
    }

    public record Caller(@Header("X-Caller") String name, @Query String greeting) {
    }

    public record Echo(String text) {
    }

    @HttpStatus(404)
    public static final class TripNotFound extends Exception {
        private static final long serialVersionUID = 1L;

        public TripNotFound(String message) {
            super(message);
        }
    }

    @Contract(name = "trips", version = "1.2")
    public interface Trips {
        @Post("/trips")
        Trip create(NewTrip request);

        @Idempotent
        @Get("/trips/{id}")
        Trip get(TripId id) throws TripNotFound;

        @Put("/trips/{id}")
        Trip update(TripUpdate update) throws TripNotFound;

        @Patch("/trips/{id}/status")
        Trip changeStatus(StatusChange change) throws TripNotFound;

        @Delete("/trips/{id}")
        void cancel(TripId id) throws TripNotFound;

        @Get("/trips")
        TripList search(Search search);

        @OneWay
        @Post("/trips/{id}/ratings")
        void rate(Rating rating);

        @Get("/greeting")
        String greet(Caller caller);

        /** Blocks until released or cancelled. */
        @Post("/trips/{id}/wait")
        String slow(TripId id);

        /** No annotation: level 1, POST /trips/v1/echo. */
        Echo echo(Echo echo);
    }

    @Contract(name = "trips", version = "2.0")
    public interface TripsV2 {
        @Get("/trips/{id}")
        String get(TripId id);
    }

    /** An in-memory implementation. */
    public static class TripStore implements Trips {
        final Map<String, Trip> trips = new ConcurrentHashMap<>();
        final List<Rating> ratings = new CopyOnWriteArrayList<>();
        final CountDownLatch rated = new CountDownLatch(1);
        final CountDownLatch slowStarted = new CountDownLatch(1);
        final CountDownLatch slowCancelled = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final AtomicInteger ids = new AtomicInteger();

        @Override
        public Trip create(NewTrip request) {
            Trip t = new Trip("t-" + ids.incrementAndGet(), request.passenger(), request.city(), "requested");
            trips.put(t.id(), t);
            return t;
        }

        @Override
        public Trip get(TripId id) throws TripNotFound {
            Trip t = trips.get(id.id());
            if (t == null) {
                throw new TripNotFound("no trip '" + id.id() + "'");
            }
            return t;
        }

        @Override
        public Trip update(TripUpdate update) throws TripNotFound {
            Trip t = get(new TripId(update.id()));
            Trip u = new Trip(t.id(), t.passenger(), update.city(), t.status());
            trips.put(u.id(), u);
            return u;
        }

        @Override
        public Trip changeStatus(StatusChange change) throws TripNotFound {
            Trip t = get(new TripId(change.id()));
            Trip u = new Trip(t.id(), t.passenger(), t.city(), change.status());
            trips.put(u.id(), u);
            return u;
        }

        @Override
        public void cancel(TripId id) throws TripNotFound {
            if (trips.remove(id.id()) == null) {
                throw new TripNotFound("no trip '" + id.id() + "'");
            }
        }

        @Override
        public TripList search(Search search) {
            List<Trip> found = new ArrayList<>();
            for (Trip t : trips.values()) {
                if (t.city().equals(search.city()) && found.size() < search.limit()) {
                    found.add(t);
                }
            }
            return new TripList(found);
        }

        @Override
        public void rate(Rating rating) {
            ratings.add(rating);
            rated.countDown();
        }

        @Override
        public String greet(Caller caller) {
            return caller.greeting() + ", " + caller.name();
        }

        @Override
        public String slow(TripId id) {
            slowStarted.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
                return "released";
            } catch (InterruptedException e) {
                slowCancelled.countDown();
                return "interrupted";
            } finally {
                if (CallContext.current() != null && CallContext.current().isCancelled()) {
                    slowCancelled.countDown();
                }
            }
        }

        @Override
        public Echo echo(Echo echo) {
            return echo;
        }
    }
}
