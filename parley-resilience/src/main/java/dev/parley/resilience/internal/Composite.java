package dev.parley.resilience.internal;

import dev.parley.message.Message;
import dev.parley.service.Filter;
import dev.parley.service.Service;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/** Several filters as one, applied in list order; prints as its parts. */
public final class Composite implements Filter {

    private final List<Filter> filters;

    public Composite(List<Filter> filters) {
        this.filters = List.copyOf(filters);
    }

    @Override
    public CompletionStage<Message> filter(Message request, Service next) {
        return step(0, request, next);
    }

    private CompletionStage<Message> step(int i, Message request, Service next) {
        if (i == filters.size()) {
            return next.call(request);
        }
        return filters.get(i).filter(request, r -> step(i + 1, r, next));
    }

    @Override
    public String name() {
        return filters.stream().map(Filter::name).collect(Collectors.joining(" -> "));
    }
}
