package dev.parley.cli.demo;

import dev.parley.Contract;
import dev.parley.cli.demo.Messages.Passenger;
import dev.parley.cli.demo.Messages.PassengerId;

/** Passenger management: who may ride. */
@Contract(name = "passengers", version = "1.0")
public interface PassengerService {

    /** request/response: the caller blocks until the answer. */
    Passenger verify(PassengerId id) throws PassengerNotFound;
}
