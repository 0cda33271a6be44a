package dev.parley.cli.demo;

import static java.util.Objects.requireNonNull;

import dev.parley.Deadline;
import dev.parley.ParleyException;
import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.InteractionStyle;
import dev.parley.contract.OperationDescriptor;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * What the demo saw: one line per interaction, written by whoever made the call once it is over, printed at the
 * end as a table. The services run on many threads, so lines arrive out of order; they are printed in the order
 * the calls started.
 */
final class Journal {

    /** How an interaction ended. */
    enum Result { OK, HANDLED, UNEXPECTED }

    record Line(long started, InteractionStyle style, String route, String operation, String outcome,
            Result result, long nanos) {
    }

    private final Duration timeout;
    private final Deadline deadline;
    private final long created = System.nanoTime();
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Map<Class<?>, List<String>> listeners = new ConcurrentHashMap<>();
    private final Map<String, Receipt> receipts = new ConcurrentHashMap<>();

    /**
     * @param timeout the demo's budget: its waits share it, so a broken run fails within it rather than once per
     *        wait
     */
    Journal(Duration timeout) {
        this.timeout = timeout;
        this.deadline = Deadline.after(timeout);
    }

    /**
     * Starts timing a call of {@code contract}'s {@code operation}. The style comes from the contract itself, as
     * the runtime reads it from the method's shape.
     */
    Call start(Class<?> contract, String operation, String route, String argument) {
        OperationDescriptor op = requireNonNull(ContractDescriptor.of(contract).operation(operation),
                () -> contract.getName() + " has no operation " + operation);
        return new Call(contract, op.style(), route, operation + "(" + argument + ")");
    }

    /** Notes that {@code receiver} gets what is sent on {@code contract} without a reply. */
    void listens(Class<?> contract, String receiver) {
        listeners.computeIfAbsent(contract, c -> new CopyOnWriteArrayList<>()).add(receiver);
    }

    /**
     * A message without a reply shows nothing to its sender, so its line waits until every listener of the
     * call's contract has reported {@link #received} for {@code subject}: the latency is until the last of them.
     */
    void awaitReceipt(Call call, String subject) {
        List<String> expected = listeners.getOrDefault(call.contract, List.of());
        receipts.put(key(call.contract, subject), new Receipt(call, expected));
    }

    void received(Class<?> contract, String subject, String receiver) {
        Receipt r = receipts.get(key(contract, subject));
        if (r == null) {
            problems.add(receiver + " received " + subject + " on " + contract.getSimpleName() + ", never sent");
        } else {
            r.arrived(receiver);
        }
    }

    /** Waits for every receipt announced so far; the missing ones become failed lines. */
    void awaitReceipts() {
        var all = receipts.values().stream().map(r -> r.done).toArray(CompletableFuture[]::new);
        within(CompletableFuture.allOf(all)).exceptionally(timedOut -> null).join();
        receipts.values().forEach(Receipt::giveUp);
    }

    /** Waits for {@code f} within the timeout; a failure is noted as a problem and gives null. */
    <T> @Nullable T await(CompletableFuture<T> f, String what) {
        return within(f).handle((value, failure) -> {
            if (failure != null) {
                problems.add(what + ": " + describe(failure));
            }
            return value;
        }).join();
    }

    /** The whole budget, for the deadline of a single call. */
    Duration timeout() {
        return timeout;
    }

    /** {@code f}, failing with a TimeoutException once the budget is spent. */
    <T> CompletableFuture<T> within(CompletableFuture<T> f) {
        return f.orTimeout(remainingMillis(), TimeUnit.MILLISECONDS);
    }

    private long remainingMillis() {
        return Math.max(0, deadline.remaining().toMillis());
    }

    /** Interactions that went wrong without being handled, and waits that came to nothing. */
    int unexpected() {
        return (int) lines.stream().filter(l -> l.result == Result.UNEXPECTED).count() + problems.size();
    }

    void print(PrintWriter out) {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingLong(Line::started));
        Table.print(out, sorted);
        problems.forEach(p -> out.println("unexpected: " + p));
        long styles = sorted.stream().map(Line::style).distinct().count();
        long handled = sorted.stream().filter(l -> l.result == Result.HANDLED).count();
        out.printf(Locale.ROOT, "%d interactions, %d of %d interaction styles, %d failure%s handled, %d unexpected, "
                + "%s in all%n", sorted.size(), styles, InteractionStyle.values().length, handled,
                handled == 1 ? "" : "s", unexpected(), Table.millis(System.nanoTime() - created));
    }

    String describe(Throwable t) {
        Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (c instanceof TimeoutException) {
            return "nothing within the demo's budget of " + timeout.toMillis() + " ms";
        }
        if (c instanceof ParleyException) {
            return requireNonNull(c.getMessage());
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    private static String key(Class<?> contract, String subject) {
        return contract.getName() + "#" + subject;
    }

    /** An interaction under way; the first of its outcomes counts. */
    final class Call {
        private final Class<?> contract;
        private final InteractionStyle style;
        private final String route;
        private final String operation;
        private final long started = System.nanoTime();
        private final AtomicBoolean finished = new AtomicBoolean();

        private Call(Class<?> contract, InteractionStyle style, String route, String operation) {
            this.contract = contract;
            this.style = style;
            this.route = route;
            this.operation = operation;
        }

        void ok(String outcome) {
            finish(outcome, Result.OK);
        }

        /** A failure the caller expected and dealt with. */
        void handled(String outcome) {
            finish(outcome, Result.HANDLED);
        }

        void unexpected(Throwable failure) {
            unexpected(describe(failure));
        }

        void unexpected(String outcome) {
            finish("FAILED " + outcome, Result.UNEXPECTED);
        }

        /** Milliseconds since the call started, for outcomes that tell when the caller got control back. */
        String elapsed() {
            return Table.millis(System.nanoTime() - started);
        }

        private void finish(String outcome, Result result) {
            if (finished.compareAndSet(false, true)) {
                lines.add(new Line(started, style, route, operation, outcome, result, System.nanoTime() - started));
            }
        }
    }

    /** The receivers a reply-less message is still on its way to. */
    private static final class Receipt {
        private final Call call;
        private final List<String> waiting;
        private final List<String> arrived = new ArrayList<>();
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        Receipt(Call call, List<String> expected) {
            this.call = call;
            this.waiting = new ArrayList<>(expected);
        }

        synchronized void arrived(String receiver) {
            waiting.remove(receiver);
            arrived.add(receiver);
            if (waiting.isEmpty() && done.complete(null)) {
                call.ok("received by " + String.join(", ", arrived.stream().sorted().toList()));
            }
        }

        synchronized void giveUp() {
            if (!waiting.isEmpty()) {
                call.unexpected("never received by " + String.join(", ", waiting));
            }
        }
    }
}
