package dev.parley.messaging.internal;

import dev.parley.Deadline;
import dev.parley.message.HeaderNames;
import dev.parley.message.Message;
import dev.parley.messaging.MessagingHeaders;
import dev.parley.time.Scheduler;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Deadlines across a broker hop. A message may wait in a queue for a long time, so besides the remaining
 * budget ({@code parley-deadline-ms}, the standard header every transport writes) the sender writes the
 * absolute wall-clock time ({@code parley-deadline-at}); the receiver goes by the absolute time, so time
 * spent in the queue counts. Hosts' clocks must agree to within the precision that matters (NTP).
 */
final class Wire {

    private Wire() {
    }

    /** The message as it goes to a broker: the deadline written into headers. */
    static Message outbound(Message m) {
        Deadline d = m.deadline();
        if (d == null) {
            return m;
        }
        long remaining = Math.max(0, d.remaining().toMillis());
        return m.withHeaders(m.headers()
                .with(HeaderNames.DEADLINE, Long.toString(remaining))
                .with(MessagingHeaders.DEADLINE_AT, Long.toString(System.currentTimeMillis() + remaining)))
                .withDeadline(null);
    }

    /** The message as a handler sees it: the deadline rebuilt from the headers, or none for an event. */
    static Message inbound(Message m, Scheduler scheduler) {
        Long budget = budget(m);
        return budget == null ? m : m.withDeadline(Deadline.after(Duration.ofMillis(Math.max(0, budget)), scheduler));
    }

    private static @Nullable Long budget(Message m) {
        Long at = parse(m.header(MessagingHeaders.DEADLINE_AT));
        if (at != null) {
            return at - System.currentTimeMillis();
        }
        return parse(m.header(HeaderNames.DEADLINE));
    }

    static @Nullable Long parse(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
