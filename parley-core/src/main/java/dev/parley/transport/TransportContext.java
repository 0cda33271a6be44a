package dev.parley.transport;

import dev.parley.codec.Codecs;
import dev.parley.time.Scheduler;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * What a runtime lends its transports.
 *
 * @param scheduler the clock and timers
 * @param blockingExecutor where work that may block runs (virtual threads)
 * @param instance this runtime's instance name, unique within a process
 * @param codecs the runtime's codecs, for a transport that must read or write bodies itself (REST builds a
 *        parameter from a path and a query string)
 */
public record TransportContext(Scheduler scheduler, Executor blockingExecutor, String instance, Codecs codecs) {

    /** With the codecs found on the class path. */
    public TransportContext(Scheduler scheduler, Executor blockingExecutor, String instance) {
        this(scheduler, blockingExecutor, instance, Codecs.load(List.of(), TransportContext.class.getClassLoader()));
    }
}
