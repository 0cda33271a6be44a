package dev.parley.cli.demo;

/** Declared on {@link PassengerService#verify}: it crosses the wire and is rethrown as itself. */
public final class PassengerNotFound extends Exception {

    private static final long serialVersionUID = 1L;

    public PassengerNotFound(String message) {
        super(message);
    }
}
