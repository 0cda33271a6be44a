package dev.parley;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The answers collected for a published request (publish/async-response). Collection ends when the window
 * closes, the wanted count is reached, or the deadline passes, whichever comes first; replies that arrive
 * after that are dropped and counted in {@link #late()}.
 *
 * @param <R> the reply type
 */
public final class Replies<R> {

    /** Why collection stopped. */
    public enum End {
        /** {@code atMost(n)} replies arrived. */
        COUNT_REACHED,
        /** The collection window closed. */
        WINDOW_CLOSED,
        /** The call's deadline passed before the window closed. */
        DEADLINE
    }

    private final List<Reply<R>> replies;
    private final End end;
    private final int wanted;
    private final LongSupplier late;

    /**
     * @param wanted the count asked for with {@code atMost}, 0 when none was
     * @param late the replies that arrived after collection ended, a count that keeps growing
     */
    public Replies(List<Reply<R>> replies, End end, int wanted, LongSupplier late) {
        this.replies = List.copyOf(replies);
        this.end = requireNonNull(end, "end");
        this.wanted = wanted;
        this.late = requireNonNull(late, "late");
    }

    /**
     * A responder's answer: what a subscriber's implementation of a {@code Replies<R>} operation returns. The
     * runtime sends {@code value} back to the publisher as this responder's one reply.
     *
     * <pre>{@code
     * public Replies<Quote> quote(TripCreated trip) {
     *     return Replies.answer(new Quote(driverId, priceFor(trip)));
     * }
     * }</pre>
     */
    public static <R> Replies<R> answer(R value) {
        return new Replies<>(List.of(Reply.success("answer", value, java.time.Duration.ZERO)), End.COUNT_REACHED, 1,
                () -> 0);
    }

    /** Every reply, in arrival order. */
    public List<Reply<R>> all() {
        return replies;
    }

    /** The values of the successful replies, in arrival order. */
    public List<R> values() {
        return replies.stream().filter(Reply::isSuccess).map(Reply::value).filter(Objects::nonNull).toList();
    }

    /** The failed replies. */
    public List<Reply<R>> errors() {
        return replies.stream().filter(r -> !r.isSuccess()).toList();
    }

    public int size() {
        return replies.size();
    }

    public End end() {
        return end;
    }

    /**
     * Whether the result is partial: the deadline cut collection short, or fewer replies arrived than
     * {@code atMost} asked for.
     */
    public boolean isPartial() {
        return end == End.DEADLINE || (wanted > 0 && replies.size() < wanted);
    }

    /** Replies that arrived after collection ended and were dropped; this count keeps growing as they come. */
    public long late() {
        return late.getAsLong();
    }

    @Override
    public String toString() {
        return "Replies" + replies + "[end=" + end + (isPartial() ? ", partial" : "") + "]";
    }
}
