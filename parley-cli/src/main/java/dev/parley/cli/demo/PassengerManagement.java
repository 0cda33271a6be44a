package dev.parley.cli.demo;

import dev.parley.cli.demo.Messages.Passenger;
import dev.parley.cli.demo.Messages.PassengerId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Passenger management: knows the registered passengers. */
final class PassengerManagement implements PassengerService {

    static final String NAME = "passenger-management";

    private final Map<PassengerId, Passenger> registered;

    PassengerManagement(List<Passenger> registered) {
        this.registered = registered.stream().collect(Collectors.toUnmodifiableMap(Passenger::id, Function.identity()));
    }

    @Override
    public Passenger verify(PassengerId id) throws PassengerNotFound {
        Passenger p = registered.get(id);
        if (p == null) {
            throw new PassengerNotFound("no passenger " + id.value());
        }
        return p;
    }
}
