package dev.parley;

import static java.util.Objects.requireNonNull;

import dev.parley.internal.runtime.PublisherStub;
import dev.parley.internal.runtime.Transports;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Configures a publisher of an events contract, and how it collects replies to a published request
 * (publish/async-response). Not thread-safe; the publisher it builds is.
 *
 * @param <T> the contract
 */
public final class PublisherBuilder<T> {

    private final Parley parley;
    private final Class<T> contract;
    private @Nullable URI address;
    private @Nullable Duration timeout;
    private Duration window = Defaults.REPLY_WINDOW;
    private int atMost;
    private @Nullable String name;

    PublisherBuilder(Parley parley, Class<T> contract) {
        this.parley = parley;
        this.contract = contract;
    }

    /** Where the topic lives, e.g. {@code local:events} or {@code amqp://localhost:5672}. */
    public PublisherBuilder<T> at(String address) {
        this.address = Transports.address(requireNonNull(address, "address"));
        return this;
    }

    /** How long replies are collected ({@link Defaults#REPLY_WINDOW}); the deadline may end it sooner. */
    public PublisherBuilder<T> within(Duration window) {
        this.window = Parley.positive(window, "window");
        return this;
    }

    /** Stop collecting after {@code count} replies; fewer makes the result partial. */
    public PublisherBuilder<T> atMost(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count: " + count + " (expected: > 0)");
        }
        this.atMost = count;
        return this;
    }

    /** The deadline of publishing, and of collecting replies. */
    public PublisherBuilder<T> timeout(Duration timeout) {
        this.timeout = Parley.positive(timeout, "timeout");
        return this;
    }

    /** The name this publisher gives itself. */
    public PublisherBuilder<T> name(String clientName) {
        this.name = requireNonNull(clientName, "clientName");
        return this;
    }

    public T build() {
        if (address == null) {
            throw new IllegalStateException("publisher of " + contract.getName() + ": no address; call at(...)");
        }
        var ctx = parley.context();
        var options = new PublisherStub.Options(timeout != null ? timeout : ctx.timeout(), window, atMost, name);
        return PublisherStub.create(contract, ctx, address, options);
    }
}
