package dev.parley.testkit;

import dev.parley.Contract;
import dev.parley.Idempotent;
import dev.parley.NonBlocking;
import dev.parley.OneWay;
import dev.parley.Publish;
import dev.parley.Replies;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The contracts the transport contract suite exercises: one service, one events contract. */
public final class SuiteContracts {

    private SuiteContracts() {
    }

    public record Item(String id, int quantity, List<String> tags, Optional<String> note, Instant at) {
    }

    public record ItemId(String id) {
    }

    public record Note(String text) {
    }

    public record Event(int seq, String text) {
    }

    public record Bid(String bidder, int amount) {
    }

    /** Thrown by {@link Inventory#get} for an unknown id; declared, so it crosses the wire. */
    public static final class ItemNotFound extends Exception {
        private static final long serialVersionUID = 1L;

        public ItemNotFound(String message) {
            super(message);
        }
    }

    @Contract(name = "suite-inventory", version = "1.3")
    public interface Inventory {
        @Idempotent
        Item get(ItemId id) throws ItemNotFound;

        CompletableFuture<Item> reserve(ItemId id);

        void touch(ItemId id);

        @OneWay
        void record(Note note);

        /** Blocks until the test releases it or the call is cancelled; reports what it saw. */
        String slow(Note note);

        /** Calls another service and reports the deadline it passed on. */
        String relay(Note note);

        String fail(Note note);

        /** Where the handler ran: "virtual" or "platform". */
        @NonBlocking
        String threadOfNonBlocking(Note note);

        /** Where the handler ran: "virtual" or "platform". */
        String threadOfBlocking(Note note);
    }

    @Contract(name = "suite-inventory", version = "2.0")
    public interface InventoryV2 {
        String describe(ItemId id);
    }

    @Contract(name = "suite-events", version = "1.0")
    public interface Events {
        @Publish
        void happened(Event e);

        @Publish
        Replies<Bid> auction(Event e);
    }

    /** The async view of {@link Inventory#slow}, same contract name and version. */
    @Contract(name = "suite-inventory", version = "1.3")
    public interface AsyncInventory {
        CompletableFuture<String> slow(Note note);

        CompletableFuture<Item> get(ItemId id) throws ItemNotFound;
    }

    /** The async view of {@link Events#auction}. */
    @Contract(name = "suite-events", version = "1.0")
    public interface AsyncEvents {
        @Publish
        CompletableFuture<Replies<Bid>> auction(Event e);
    }
}
