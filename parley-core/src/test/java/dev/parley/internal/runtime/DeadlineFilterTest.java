package dev.parley.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Deadline;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import dev.parley.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class DeadlineFilterTest {

    /** A clock moved by hand; tasks run when it passes their time. */
    static final class HandClock implements Scheduler {
        long now;
        final List<Object[]> tasks = new ArrayList<>();
        int cancelled;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public Cancellable schedule(Runnable task, Duration delay) {
            Object[] t = {now + delay.toNanos(), task};
            tasks.add(t);
            return () -> {
                if (tasks.remove(t)) {
                    cancelled++;
                }
            };
        }

        void advance(Duration d) {
            now += d.toNanos();
            for (Object[] t : List.copyOf(tasks)) {
                if ((long) t[0] <= now && tasks.remove(t)) {
                    ((Runnable) t[1]).run();
                }
            }
        }
    }

    private final HandClock clock = new HandClock();
    private final DeadlineFilter filter = new DeadlineFilter(clock);
    private final Message request = Message.of(Headers.empty()).withDeadline(Deadline.after(Duration.ofSeconds(1),
            clock));

    @Test
    void aReplyInTimeCancelsTheTimer() throws Exception {
        CompletableFuture<Message> downstream = new CompletableFuture<>();
        CompletableFuture<Message> reply = filter.filter(request, m -> downstream).toCompletableFuture();
        assertThat(clock.tasks).hasSize(1);
        Message answer = Message.of(Headers.empty());
        downstream.complete(answer);
        assertThat(reply.get()).isSameAs(answer);
        assertThat(clock.cancelled).isEqualTo(1);
        assertThat(clock.tasks).isEmpty();
    }

    @Test
    void aPassedDeadlineFailsTheCallAndCancelsTheDownstream() {
        CompletableFuture<Message> downstream = new CompletableFuture<>();
        CompletableFuture<Message> reply = filter.filter(request, m -> downstream).toCompletableFuture();
        clock.advance(Duration.ofMillis(999));
        assertThat(reply).isNotDone();
        clock.advance(Duration.ofMillis(1));
        assertThat(reply).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
                .isInstanceOfSatisfying(ParleyException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.DEADLINE_EXCEEDED));
        assertThat(downstream).isCancelled();
    }

    @Test
    void aCallerThatGivesUpCancelsTheDownstreamAndTheTimer() {
        CompletableFuture<Message> downstream = new CompletableFuture<>();
        CompletableFuture<Message> reply = filter.filter(request, m -> downstream).toCompletableFuture();
        reply.cancel(true);
        assertThat(downstream).isCancelled();
        assertThat(clock.tasks).isEmpty(); // the downstream's cancellation reached the filter, which called the timer off
    }

    @Test
    void anAnsweredCallArmsNoTimer() throws ExecutionException, InterruptedException {
        Message answer = Message.of(Headers.empty());
        assertThat(filter.filter(request, m -> CompletableFuture.completedFuture(answer)).toCompletableFuture().get())
                .isSameAs(answer);
        assertThat(clock.tasks).isEmpty();
    }

    @Test
    void aPolicyWaitingAboveSeesTheTimeoutBeforeTheCaller() {
        CompletableFuture<Message> downstream = new CompletableFuture<>();
        CompletableFuture<Message> reply = filter.filter(request, m -> downstream).toCompletableFuture();
        List<String> trace = new ArrayList<>();
        CompletableFuture<Message> guarded = dev.parley.service.Filters.whenComplete(reply,
                (m, e) -> trace.add("bulkhead released"));
        guarded.whenComplete((m, e) -> trace.add("caller"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(trace).containsExactly("bulkhead released", "caller");
        assertThat(downstream).isCancelled();
    }
}
