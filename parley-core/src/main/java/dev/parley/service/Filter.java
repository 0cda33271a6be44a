package dev.parley.service;

import dev.parley.message.Message;
import java.util.concurrent.CompletionStage;

/**
 * A service wrapped around the next one: timeouts, bulkheads, breakers, retries, fallbacks, metrics and
 * tracing are all filters. Give each a short {@link #name()} so a chain can print its order.
 */
@FunctionalInterface
public interface Filter {

    CompletionStage<Message> filter(Message request, Service next);

    /** How the filter shows in a chain's {@code toString()}. */
    default String name() {
        String simple = getClass().getSimpleName();
        return simple.isEmpty() ? "filter" : simple;
    }
}
