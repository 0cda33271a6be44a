package dev.parley.resilience.internal;

import dev.parley.time.Scheduler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A {@link Clock} that reads a Parley {@link Scheduler}, so that Resilience4j's state machines run on the
 * runtime's time, and on a manual clock in tests. Only differences between its instants mean anything.
 */
final class SchedulerClock extends Clock {

    private final Scheduler scheduler;

    SchedulerClock(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.EPOCH.plusNanos(scheduler.nanoTime());
    }

    @Override
    public long millis() {
        return scheduler.nanoTime() / 1_000_000;
    }
}
