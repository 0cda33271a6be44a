package dev.parley.cli.demo;

/** The messages the taxi services exchange: plain records, encoded as JSON on the {@code local:} transport. */
public final class Messages {

    private Messages() {
    }

    public record PassengerId(String value) {
    }

    public record Passenger(PassengerId id, String name, double rating) {
    }

    public record Location(String street) {
    }

    public record PickupRequest(PassengerId passenger, Location from, Location to) {
    }

    /** A trip as trip management sees it; {@code note} says why it was refused, when it was. */
    public record Trip(String id, PassengerId passenger, String status, String note) {
    }

    public record TripCreated(String tripId, PassengerId passenger, Location pickup) {
    }

    public record QuoteRequest(String tripId, Location pickup) {
    }

    public record DriverQuote(String driver, double fareEur, int etaMinutes) {
    }

    public record Notification(PassengerId passenger, String text) {
    }
}
