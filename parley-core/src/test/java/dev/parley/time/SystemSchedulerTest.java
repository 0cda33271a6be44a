package dev.parley.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SystemSchedulerTest {

    private final Scheduler scheduler = Scheduler.system();

    @Test
    void parkedAndQueuedTasksRunInTheOrderTheyAreDueAndNotBefore() throws InterruptedException {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(3);
        long start = System.nanoTime();
        long[] at = new long[3];
        // 5 ms goes straight to the queue; 45 and 80 ms are parked first and moved on a later tick.
        scheduler.schedule(() -> { at[2] = System.nanoTime(); ran.add("80ms"); done.countDown(); },
                Duration.ofMillis(80));
        scheduler.schedule(() -> { at[0] = System.nanoTime(); ran.add("5ms"); done.countDown(); },
                Duration.ofMillis(5));
        scheduler.schedule(() -> { at[1] = System.nanoTime(); ran.add("45ms"); done.countDown(); },
                Duration.ofMillis(45));
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("5ms", "45ms", "80ms");
        assertThat(at[0] - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(5));
        assertThat(at[1] - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(45));
        assertThat(at[2] - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(80));
    }

    @Test
    void aCancelledTaskNeverRunsWhetherParkedOrQueued() throws InterruptedException {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch later = new CountDownLatch(1);
        Scheduler.Cancellable parkedThenCancelled = scheduler.schedule(() -> ran.add("parked"), Duration.ofMillis(40));
        Scheduler.Cancellable queuedThenCancelled = scheduler.schedule(() -> ran.add("queued"), Duration.ofMillis(2));
        Scheduler.Cancellable movedThenCancelled = scheduler.schedule(() -> ran.add("moved"), Duration.ofMillis(60));
        parkedThenCancelled.cancel();
        queuedThenCancelled.cancel();
        CountDownLatch moved = new CountDownLatch(1);
        // By the time this 35 ms task runs, the 60 ms one has usually left the parking list for the queue;
        // either way, calling it off must keep it from running.
        scheduler.schedule(() -> {
            movedThenCancelled.cancel();
            moved.countDown();
        }, Duration.ofMillis(35));
        scheduler.schedule(later::countDown, Duration.ofMillis(100));
        assertThat(moved.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).isEmpty(); // each was due before the 100 ms task, on the same timer thread
    }
}
