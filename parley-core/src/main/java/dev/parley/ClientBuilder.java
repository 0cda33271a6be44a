package dev.parley;

import static java.util.Objects.requireNonNull;

import dev.parley.internal.runtime.ClientStub;
import dev.parley.internal.runtime.Transports;
import dev.parley.service.Filter;
import dev.parley.service.Policy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Configures a client of a service contract. Not thread-safe; the client it builds is.
 *
 * @param <T> the contract
 */
public final class ClientBuilder<T> {

    private final Parley parley;
    private final Class<T> contract;
    private final List<Filter> filters = new ArrayList<>();
    private final List<Policy> policies = new ArrayList<>();
    private @Nullable URI address;
    private @Nullable Duration timeout;
    private @Nullable String name;

    ClientBuilder(Parley parley, Class<T> contract) {
        this.parley = parley;
        this.contract = contract;
    }

    /** Where the service is, e.g. {@code local:trips} or {@code tcp://host:7000}. */
    public ClientBuilder<T> at(String address) {
        this.address = Transports.address(requireNonNull(address, "address"));
        return this;
    }

    /**
     * The deadline of each call. Without it, an operation's {@link Timeout} applies, else the runtime's
     * default.
     */
    public ClientBuilder<T> timeout(Duration timeout) {
        this.timeout = Parley.positive(timeout, "timeout");
        return this;
    }

    /** A filter of this client's, inside the runtime's client filters, in the order added. */
    public ClientBuilder<T> filter(Filter filter) {
        filters.add(requireNonNull(filter, "filter"));
        return this;
    }

    /**
     * A policy that makes each operation its own filter (a bulkhead, a circuit breaker, ...), inside the
     * client's filters, in the order added. See docs/architecture.md for where each belongs.
     */
    public ClientBuilder<T> policy(Policy policy) {
        policies.add(requireNonNull(policy, "policy"));
        return this;
    }

    /** The name this client gives itself to servers (shown in their per-caller statistics). */
    public ClientBuilder<T> name(String clientName) {
        this.name = requireNonNull(clientName, "clientName");
        return this;
    }

    public T build() {
        if (address == null) {
            throw new IllegalStateException("client of " + contract.getName() + ": no address; call at(...)");
        }
        var ctx = parley.context();
        return ClientStub.create(contract, ctx, parley.clientChains(contract, filters, policies, address), timeout, name,
                address.toString());
    }
}
