package dev.parley.testkit;

import static org.awaitility.Awaitility.await;

import dev.parley.CallContext;
import dev.parley.ParleyException;
import dev.parley.Replies;
import dev.parley.Status;
import dev.parley.testkit.SuiteContracts.Bid;
import dev.parley.testkit.SuiteContracts.Event;
import dev.parley.testkit.SuiteContracts.Events;
import dev.parley.testkit.SuiteContracts.Inventory;
import dev.parley.testkit.SuiteContracts.Item;
import dev.parley.testkit.SuiteContracts.ItemId;
import dev.parley.testkit.SuiteContracts.ItemNotFound;
import dev.parley.testkit.SuiteContracts.Note;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The implementations the transport contract suite serves, each recording what it saw. */
final class SuiteServices {

    private SuiteServices() {
    }

    static final class InventoryService implements Inventory {
        static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch slowStarted = new CountDownLatch(1);
        final CountDownLatch slowSawCancellation = new CountDownLatch(1);
        final List<String> touched = new CopyOnWriteArrayList<>();
        final List<String> notes = new CopyOnWriteArrayList<>();
        final AtomicInteger relayed = new AtomicInteger();
        volatile Inventory next;
        volatile boolean waitForExpiry;

        @Override
        public Item get(ItemId id) throws ItemNotFound {
            if (id.id().equals("missing")) {
                throw new ItemNotFound("no item '" + id.id() + "'");
            }
            return new Item(id.id(), 5, List.of("fruit", "red"), Optional.of("crisp"), AT);
        }

        @Override
        public CompletableFuture<Item> reserve(ItemId id) {
            return CompletableFuture.supplyAsync(() -> {
                awaitQuietly(release);
                return new Item(id.id(), 1, List.of(), Optional.empty(), AT);
            });
        }

        @Override
        public void touch(ItemId id) {
            touched.add(id.id());
        }

        @Override
        public void record(Note note) {
            notes.add(note.text());
        }

        @Override
        public String slow(Note note) {
            slowStarted.countDown();
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                slowSawCancellation.countDown();
                return "interrupted";
            }
            return "done";
        }

        @Override
        public String relay(Note note) {
            relayed.incrementAndGet();
            CallContext call = CallContext.current();
            if (next == null) {
                return Long.toString(call.deadline().remaining().toMillis());
            }
            if (waitForExpiry) {
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                        .until(() -> call.deadline().isExpired());
            }
            return next.relay(note);
        }

        @Override
        public String threadOfNonBlocking(Note note) {
            return Thread.currentThread().isVirtual() ? "virtual" : "platform";
        }

        @Override
        public String threadOfBlocking(Note note) {
            return threadOfNonBlocking(note);
        }

        @Override
        public String fail(Note note) {
            if (note.text().equals("not-found")) {
                throw new ParleyException(Status.NOT_FOUND, "nothing called not-found");
            }
            throw new IllegalStateException("secret server detail");
        }
    }

    static final class Listener implements Events {
        final String name;
        final List<Integer> seen = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);

        Listener(String name) {
            this.name = name;
        }

        @Override
        public void happened(Event e) {
            seen.add(e.seq());
        }

        @Override
        public Replies<Bid> auction(Event e) {
            return Replies.answer(bid(e));
        }

        private Bid bid(Event e) {
            if (name.equals("broken")) {
                throw new ParleyException(Status.UNAVAILABLE, "bidder is down");
            }
            if (name.equals("slow")) {
                awaitQuietly(release);
            }
            return new Bid(name, e.seq() * 10);
        }
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
