package dev.parley.resilience.internal;

import dev.parley.Deadline;
import dev.parley.message.Message;
import dev.parley.service.Filter;
import dev.parley.service.Service;
import dev.parley.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Narrows a call's deadline to {@code timeout} from now; never widens it. The deadline filter enforces it. */
public final class TimeoutFilter implements Filter {

    private final Duration timeout;
    private final Scheduler scheduler;

    public TimeoutFilter(Duration timeout, Scheduler scheduler) {
        this.timeout = timeout;
        this.scheduler = scheduler;
    }

    @Override
    public CompletionStage<Message> filter(Message request, Service next) {
        Deadline mine = Deadline.after(timeout, scheduler);
        Deadline current = request.deadline();
        return next.call(request.withDeadline(current == null ? mine : current.min(mine)));
    }

    @Override
    public String name() {
        return "timeout(" + timeout.toMillis() + "ms)";
    }
}
