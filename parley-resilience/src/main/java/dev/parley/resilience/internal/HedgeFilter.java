package dev.parley.resilience.internal;

import dev.parley.Status;
import dev.parley.message.HeaderNames;
import dev.parley.message.Message;
import dev.parley.resilience.Outcome;
import dev.parley.resilience.ResilienceEvent;
import dev.parley.resilience.ResilienceListener;
import dev.parley.service.Filter;
import dev.parley.service.Service;
import dev.parley.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Sends a backup of an idempotent call that has not answered after a delay; the first good answer wins and
 * the other call is cancelled. The delay is fixed, or a percentile of the latencies this filter has seen.
 */
public final class HedgeFilter implements Filter {

    private final String name;
    private final HedgeDelay delay;
    private final Scheduler scheduler;
    private final ResilienceListener listener;

    public HedgeFilter(String name, HedgeDelay delay, Scheduler scheduler, ResilienceListener listener) {
        this.name = name;
        this.delay = delay;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    @Override
    public CompletionStage<Message> filter(Message request, Service next) {
        Race race = new Race(request, next, scheduler.nanoTime());
        Duration wait = delay.current();
        // Armed before the primary goes out, so the delay counts from now whatever the downstream does.
        Scheduler.Cancellable timer = scheduler.schedule(() -> race.hedge(wait), wait);
        race.primary = race.send(request);
        race.result.whenComplete((m, e) -> {
            timer.cancel();
            race.cancelLosers();
        });
        return race.result;
    }

    /** A call and, maybe, its backup. */
    private final class Race {
        final Message request;
        final Service next;
        final long start;
        final CompletableFuture<Message> result = new CompletableFuture<>();
        final AtomicInteger running = new AtomicInteger();
        volatile @Nullable CompletableFuture<Message> primary;
        volatile @Nullable CompletableFuture<Message> backup;

        Race(Message request, Service next, long start) {
            this.request = request;
            this.next = next;
            this.start = start;
        }

        CompletableFuture<Message> send(Message m) {
            running.incrementAndGet();
            CompletableFuture<Message> reply;
            try {
                reply = next.call(m).toCompletableFuture();
            } catch (RuntimeException e) {
                reply = CompletableFuture.failedFuture(e);
            }
            reply.whenComplete(this::answered);
            return reply;
        }

        void hedge(Duration wait) {
            if (result.isDone()) {
                return;
            }
            Events.emit(listener, new ResilienceEvent.HedgeSent(name, wait));
            backup = send(request.withHeader(HeaderNames.ATTEMPT, "2"));
        }

        /** A good answer wins at once; a failure wins only when no other call is still running. */
        void answered(@Nullable Message reply, @Nullable Throwable failure) {
            int stillRunning = running.decrementAndGet();
            boolean good = Outcome.of(reply, failure).status() == Status.OK;
            if (good) {
                delay.record(Duration.ofNanos(scheduler.nanoTime() - start));
            }
            if (!good && stillRunning > 0) {
                return;
            }
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(reply);
            }
        }

        void cancelLosers() {
            cancel(primary);
            cancel(backup);
        }

        private void cancel(@Nullable CompletableFuture<Message> f) {
            if (f != null && !f.isDone()) {
                f.cancel(true);
            }
        }
    }

    @Override
    public String name() {
        return "hedge";
    }
}
