package dev.parley.cli.demo;

import dev.parley.Contract;
import dev.parley.cli.demo.Messages.PickupRequest;
import dev.parley.cli.demo.Messages.Trip;
import java.util.concurrent.CompletableFuture;

/** Trip management: turns a passenger's request into a trip. */
@Contract(name = "trips", version = "1.0")
public interface TripService {

    /** request/async-response: the passenger app never blocks on it. */
    CompletableFuture<Trip> requestPickup(PickupRequest request);
}
