package dev.parley.cli.demo;

import dev.parley.Parley;
import dev.parley.cli.demo.Messages.Location;
import dev.parley.cli.demo.Messages.Passenger;
import dev.parley.cli.demo.Messages.PassengerId;
import dev.parley.cli.demo.Messages.PickupRequest;
import dev.parley.cli.demo.Messages.Trip;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The taxi-hailing system of the seed article, one Parley runtime per service so that each looks like a
 * separate process to the others; they meet over the in-process {@code local:} transport, which still encodes
 * every message.
 */
final class TaxiDemo implements AutoCloseable {

    private static final String PASSENGERS = "local:passengers";
    private static final String TRIPS = "local:trips";
    private static final String NOTIFICATIONS = "local:notifications";
    private static final String TRIP_EVENTS = "local:trip-events";
    private static final String DRIVER_QUOTES = "local:driver-quotes";

    /** How long the dispatcher collects quotes: long enough for drivers in this process, short for a passenger. */
    private static final Duration QUOTE_WINDOW = Duration.ofMillis(200);
    private static final List<Driver> DRIVERS = List.of(
            new Driver("driver-1", 14.20, 6, true),
            new Driver("driver-2", 11.80, 4, true),
            new Driver("driver-3", 9.90, 9, false));

    private static final Location HOME = new Location("12 Harbour Street");
    private static final Location STATION = new Location("Central Station");

    private final Journal journal;
    private final List<Parley> runtimes = new ArrayList<>();
    private final Dispatcher dispatcher;
    private final TripService trips;

    TaxiDemo(Journal journal) {
        this.journal = journal;
        try {
            startPassengerManagement();
            startTripManagement();
            startNotification();
            this.dispatcher = startDispatcher();
            DRIVERS.forEach(this::startDriver);
            this.trips = runtime("passenger").client(TripService.class).at(TRIPS).timeout(journal.timeout()).build();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A known passenger gets a driver; an unknown one is refused, which is the failure the demo shows handled. */
    void run() {
        Trip trip = ride(new PassengerId("p-42"));
        if (trip != null && trip.status().equals("REQUESTED")) {
            journal.await(dispatcher.dispatched(trip.id()), "dispatching " + trip.id());
        }
        journal.awaitReceipts();
        ride(new PassengerId("p-404"));
    }

    int runtimes() {
        return runtimes.size();
    }

    /** The passenger app: asks for a pickup and is free at once; the trip arrives later. */
    private @Nullable Trip ride(PassengerId who) {
        Journal.Call call = journal.start(TripService.class, "requestPickup", "passenger -> " + TripManagement.NAME,
                who.value());
        CompletableFuture<Trip> reply = trips.requestPickup(new PickupRequest(who, HOME, STATION));
        String freeAfter = call.elapsed();
        return journal.within(reply).handle((trip, failure) -> {
            if (failure != null) {
                call.unexpected(failure);
                return null;
            }
            call.ok("trip " + trip.id() + " " + trip.status() + " (" + trip.note() + "); caller free after "
                    + freeAfter);
            return trip;
        }).join();
    }

    private void startPassengerManagement() {
        runtime(PassengerManagement.NAME).serve(PassengerService.class, new PassengerManagement(List.of(
                new Passenger(new PassengerId("p-42"), "Alice", 4.9))), PASSENGERS);
    }

    private void startTripManagement() {
        Parley parley = runtime(TripManagement.NAME);
        PassengerService passengers = parley.client(PassengerService.class, PASSENGERS);
        TripEvents events = parley.publisher(TripEvents.class, TRIP_EVENTS);
        parley.serve(TripService.class, new TripManagement(passengers, events, journal), TRIPS);
    }

    private void startNotification() {
        Parley parley = runtime(Notifications.NAME);
        parley.serve(NotificationService.class, new Notifications(journal), NOTIFICATIONS);
        journal.listens(NotificationService.class, Notifications.NAME);
        subscribe(parley, TripEvents.class, e -> journal.received(TripEvents.class, e.tripId(), Notifications.NAME),
                TRIP_EVENTS);
    }

    private Dispatcher startDispatcher() {
        Parley parley = runtime(Dispatcher.NAME);
        DriverQuotes quotes = parley.publisher(DriverQuotes.class).at(DRIVER_QUOTES)
                .within(QUOTE_WINDOW).atMost(DRIVERS.size()).build();
        NotificationService notifications = parley.client(NotificationService.class, NOTIFICATIONS);
        Dispatcher d = new Dispatcher(quotes, notifications, journal);
        subscribe(parley, TripEvents.class, d, TRIP_EVENTS);
        return d;
    }

    private void startDriver(Driver driver) {
        subscribe(runtime(driver.name()), DriverQuotes.class, driver, DRIVER_QUOTES);
    }

    /** Each service subscribes as its own group, so every service gets every event. */
    private <T> void subscribe(Parley parley, Class<T> contract, T handler, String address) {
        parley.subscribe(contract, parley.instance(), handler, address);
        journal.listens(contract, parley.instance());
    }

    private Parley runtime(String service) {
        Parley parley = Parley.builder().instance(service).build();
        runtimes.add(parley);
        return parley;
    }

    /** Closes the runtimes in reverse order of start, so callers go before the services they call. */
    @Override
    public void close() {
        for (int i = runtimes.size() - 1; i >= 0; i--) {
            runtimes.get(i).close();
        }
        runtimes.clear();
    }
}
