package dev.parley.cli.demo;

import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.parley.cli.demo.Messages.Passenger;
import dev.parley.cli.demo.Messages.PassengerId;
import dev.parley.cli.demo.Messages.PickupRequest;
import dev.parley.cli.demo.Messages.Trip;
import dev.parley.cli.demo.Messages.TripCreated;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** Trip management: checks the passenger with passenger management, then announces the trip. */
final class TripManagement implements TripService {

    static final String NAME = "trip-management";

    private final PassengerService passengers;
    private final TripEvents events;
    private final Journal journal;
    private final AtomicInteger ids = new AtomicInteger();

    TripManagement(PassengerService passengers, TripEvents events, Journal journal) {
        this.passengers = passengers;
        this.events = events;
        this.journal = journal;
    }

    /** Runs on a handler's virtual thread, so blocking on passenger management here costs no platform thread. */
    @Override
    public CompletableFuture<Trip> requestPickup(PickupRequest request) {
        String tripId = "t-" + ids.incrementAndGet();
        Passenger passenger = verify(request.passenger());
        if (passenger == null) {
            return completedFuture(new Trip(tripId, request.passenger(), "REFUSED", "unknown passenger"));
        }
        announce(new TripCreated(tripId, passenger.id(), request.from()));
        return completedFuture(new Trip(tripId, passenger.id(), "REQUESTED", "for " + passenger.name()));
    }

    /** An unknown passenger is an answer to trip management, not an error: the trip is refused. */
    private @Nullable Passenger verify(PassengerId id) {
        Journal.Call call = journal.start(PassengerService.class, "verify", NAME + " -> " + PassengerManagement.NAME,
                id.value());
        try {
            Passenger p = passengers.verify(id);
            call.ok(p.name() + ", rating " + p.rating());
            return p;
        } catch (PassengerNotFound e) {
            call.handled("caught PassengerNotFound(\"" + e.getMessage() + "\"), trip refused");
            return null;
        } catch (RuntimeException e) {
            call.unexpected(e);
            throw e;
        }
    }

    private void announce(TripCreated event) {
        Journal.Call call = journal.start(TripEvents.class, "tripCreated", NAME + " -> trip-events", event.tripId());
        journal.awaitReceipt(call, event.tripId());
        try {
            events.tripCreated(event);
        } catch (RuntimeException e) {
            call.unexpected(e);
            throw e;
        }
    }
}
