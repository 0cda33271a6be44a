package dev.parley.transport;

import dev.parley.time.Scheduler;
import java.util.concurrent.Executor;

/**
 * What a runtime lends its transports.
 *
 * @param scheduler the clock and timers
 * @param blockingExecutor where work that may block runs (virtual threads)
 * @param instance this runtime's instance name, unique within a process
 */
public record TransportContext(Scheduler scheduler, Executor blockingExecutor, String instance) {
}
