package dev.parley.cli.demo;

import dev.parley.Replies;
import dev.parley.Reply;
import dev.parley.cli.demo.Messages.DriverQuote;
import dev.parley.cli.demo.Messages.Notification;
import dev.parley.cli.demo.Messages.QuoteRequest;
import dev.parley.cli.demo.Messages.TripCreated;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The dispatcher: on each new trip, asks the drivers for quotes, takes the cheapest, tells the passenger. */
final class Dispatcher implements TripEvents {

    static final String NAME = "dispatcher";

    private final DriverQuotes drivers;
    private final NotificationService notifications;
    private final Journal journal;
    private final Map<String, CompletableFuture<DriverQuote>> dispatched = new ConcurrentHashMap<>();

    Dispatcher(DriverQuotes drivers, NotificationService notifications, Journal journal) {
        this.drivers = drivers;
        this.notifications = notifications;
        this.journal = journal;
    }

    /** Completes with the chosen quote once the passenger has been told, or with why that failed. */
    CompletableFuture<DriverQuote> dispatched(String tripId) {
        return dispatched.computeIfAbsent(tripId, id -> new CompletableFuture<>());
    }

    @Override
    public void tripCreated(TripCreated event) {
        journal.received(TripEvents.class, event.tripId(), NAME);
        CompletableFuture<DriverQuote> done = dispatched(event.tripId());
        try {
            DriverQuote best = bestQuote(event);
            tell(event, best);
            done.complete(best);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            throw e;
        }
    }

    private DriverQuote bestQuote(TripCreated event) {
        Journal.Call call = journal.start(DriverQuotes.class, "quote", NAME + " -> driver-quotes", event.tripId());
        try {
            Replies<DriverQuote> replies = drivers.quote(new QuoteRequest(event.tripId(), event.pickup()));
            DriverQuote best = replies.values().stream().min(Comparator.comparingDouble(DriverQuote::fareEur))
                    .orElseThrow(() -> new IllegalStateException("no driver quoted: " + replies));
            call.ok(summary(replies, best));
            return best;
        } catch (RuntimeException e) {
            call.unexpected(e);
            throw e;
        }
    }

    private void tell(TripCreated event, DriverQuote best) {
        String passenger = event.passenger().value();
        Journal.Call call = journal.start(NotificationService.class, "notifyPassenger",
                NAME + " -> " + Notifications.NAME, passenger);
        journal.awaitReceipt(call, passenger);
        try {
            notifications.notifyPassenger(new Notification(event.passenger(),
                    best.driver() + " picks you up in " + best.etaMinutes() + " min"));
        } catch (RuntimeException e) {
            call.unexpected(e);
            throw e;
        }
    }

    /** E.g. {@code 3 replies (count reached): best driver-2 EUR 11.80; declined: driver-3}. */
    private static String summary(Replies<DriverQuote> replies, DriverQuote best) {
        String end = replies.end().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (replies.isPartial() ? ", partial" : "");
        String declined = replies.errors().stream().map(Reply::group).sorted().collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%d replies (%s): best %s EUR %.2f%s", replies.size(), end, best.driver(),
                best.fareEur(), declined.isEmpty() ? "" : "; declined: " + declined);
    }
}
