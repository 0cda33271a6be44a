package dev.parley.internal.runtime;

import dev.parley.codec.Codecs;
import dev.parley.service.Filter;
import dev.parley.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * What the stubs and skeletons of one runtime share.
 *
 * @param scheduler clock and timers
 * @param codecs the codec factories
 * @param mediaType the media type clients send
 * @param handlers where server handlers run (a virtual thread per task)
 * @param instance this runtime's name, used as the responder's instance
 * @param transports the transports by scheme
 * @param timeout the default deadline of a call
 * @param serverFilters filters around every served contract, outermost first
 */
public record RuntimeContext(
        Scheduler scheduler,
        Codecs codecs,
        String mediaType,
        ExecutorService handlers,
        String instance,
        Transports transports,
        Duration timeout,
        List<Filter> serverFilters) {

    private static final MessageIds IDS = new MessageIds();

    /** A new message id. */
    public String nextId() {
        return IDS.next();
    }
}
