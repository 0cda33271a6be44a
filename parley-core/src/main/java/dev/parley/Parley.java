package dev.parley;

import static java.util.Objects.requireNonNull;

import dev.parley.codec.CodecFactory;
import dev.parley.codec.Codecs;
import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.OperationDescriptor;
import dev.parley.internal.runtime.DeadlineFilter;
import dev.parley.internal.runtime.Router;
import dev.parley.internal.runtime.RuntimeContext;
import dev.parley.internal.runtime.Skeleton;
import dev.parley.internal.runtime.Transports;
import dev.parley.service.Filter;
import dev.parley.service.Filters;
import dev.parley.service.Policy;
import dev.parley.service.Service;
import dev.parley.time.Scheduler;
import dev.parley.transport.Registration;
import dev.parley.transport.Transport;
import dev.parley.transport.TransportContext;
import dev.parley.transport.TransportProvider;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A Parley runtime: serves contracts, subscribes to events, and makes clients and publishers. The URI
 * scheme of an address picks the transport; the method's shape picks the interaction style.
 *
 * <pre>{@code
 * try (Parley parley = Parley.builder().build()) {
 *     parley.serve(TripService.class, new TripServiceImpl(), "local:trips");
 *     TripService trips = parley.client(TripService.class, "local:trips");
 *     Trip trip = trips.get(new TripId("t-1"));
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops serving, lets in-flight handlers finish within
 * {@link Defaults#SHUTDOWN_GRACE}, and closes the transports.
 */
public final class Parley implements AutoCloseable {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final RuntimeContext ctx;
    private final List<Filter> clientFilters;
    private final Map<URI, Router> routers = new ConcurrentHashMap<>();
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final Duration shutdownGrace;

    private Parley(Builder b) {
        String instance = b.instance != null ? b.instance : "parley-" + INSTANCES.incrementAndGet();
        // Unnamed: a name is a string built per call on the I/O thread, and a handler's stack says whose it is.
        ExecutorService handlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory());
        Codecs codecs = Codecs.load(b.codecs, Parley.class.getClassLoader());
        String mediaType = b.mediaType != null ? Codecs.normalize(b.mediaType) : codecs.defaultMediaType();
        Transports transports = new Transports(new TransportContext(b.scheduler, handlers, instance, codecs),
                b.transports, Parley.class.getClassLoader());
        this.ctx = new RuntimeContext(b.scheduler, codecs, mediaType, handlers, instance, transports, b.timeout,
                List.copyOf(b.serverFilters));
        this.clientFilters = List.copyOf(b.clientFilters);
        this.shutdownGrace = b.shutdownGrace;
    }

    /** A builder with every default from {@link Defaults}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Serves {@code implementation} of a service contract at each address.
     *
     * @throws dev.parley.contract.InvalidContractException when the contract breaks a rule
     */
    public <T> Registration serve(Class<T> contract, T implementation, String... addresses) {
        ContractDescriptor d = requireKind(contract, ContractDescriptor.Kind.SERVICE, "serve", "subscribe");
        Service skeleton = Filters.chain(ctx.serverFilters(), new Skeleton(d, implementation, ctx, null));
        List<Registration> added = new ArrayList<>();
        for (URI address : addresses(addresses)) {
            boolean[] fresh = {false};
            Router router = routers.computeIfAbsent(address, a -> {
                // The contract is routed before the transport starts serving: on a broker, requests already
                // waiting in the queue arrive at once and must not find an empty router.
                Router r = new Router();
                r.add(d, skeleton);
                fresh[0] = true;
                registrations.add(ctx.transports().forAddress(a).serve(a, r));
                return r;
            });
            if (!fresh[0]) {
                router.add(d, skeleton);
            }
            added.add(() -> router.remove(d));
        }
        return track(added);
    }

    /**
     * Subscribes {@code implementation} to an events contract as a member of {@code group}: each event
     * reaches every group once, and one member within a group.
     */
    public <T> Registration subscribe(Class<T> contract, String group, T implementation, String... addresses) {
        ContractDescriptor d = requireKind(contract, ContractDescriptor.Kind.EVENTS, "subscribe", "serve");
        requireNonNull(group, "group");
        Service skeleton = Filters.chain(ctx.serverFilters(),
                new Skeleton(d, implementation, ctx, group + "/" + ctx.instance()));
        List<Registration> added = new ArrayList<>();
        for (URI address : addresses(addresses)) {
            Transport t = ctx.transports().forAddress(address);
            added.add(t.subscribe(address, d.channel(), group, skeleton));
        }
        return track(added);
    }

    /** A builder for a client of a service contract. */
    public <T> ClientBuilder<T> client(Class<T> contract) {
        requireKind(contract, ContractDescriptor.Kind.SERVICE, "client", "publisher");
        return new ClientBuilder<>(this, contract);
    }

    /** A client of a service contract at {@code address}, with the runtime's defaults. */
    public <T> T client(Class<T> contract, String address) {
        return client(contract).at(address).build();
    }

    /** A builder for a publisher of an events contract. */
    public <T> PublisherBuilder<T> publisher(Class<T> contract) {
        requireKind(contract, ContractDescriptor.Kind.EVENTS, "publisher", "client");
        return new PublisherBuilder<>(this, contract);
    }

    /** A publisher of an events contract at {@code address}, with the runtime's defaults. */
    public <T> T publisher(Class<T> contract, String address) {
        return publisher(contract).at(address).build();
    }

    /** This runtime's instance name, unique within the process. */
    public String instance() {
        return ctx.instance();
    }

    @Override
    public void close() {
        for (Registration r : registrations) {
            r.close();
        }
        registrations.clear();
        ctx.handlers().shutdown();
        try {
            if (!ctx.handlers().awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                ctx.handlers().shutdownNow();
            }
        } catch (InterruptedException e) {
            ctx.handlers().shutdownNow();
            Thread.currentThread().interrupt();
        }
        ctx.transports().close();
    }

    RuntimeContext context() {
        return ctx;
    }

    /**
     * The chain of each operation: the runtime's client filters, the client's, the operation's policies,
     * then the deadline, then the transport.
     */
    Function<OperationDescriptor, Service> clientChains(Class<?> contract, List<Filter> filters, List<Policy> policies,
            URI address) {
        Service transport = ctx.transports().forAddress(address).connect(address, ContractDescriptor.of(contract));
        return op -> {
            List<Filter> all = new ArrayList<>(clientFilters);
            all.addAll(filters);
            Policy.Target target = new Policy.Target(ContractDescriptor.of(op.method().getDeclaringClass()), op,
                    address.toString(), ctx.scheduler(), ctx.codecs(), ctx.mediaType(),
                    other -> connect(other, ContractDescriptor.of(contract)));
            for (Policy p : policies) {
                Filter f = p.create(target);
                if (f != null) {
                    all.add(f);
                }
            }
            all.add(new DeadlineFilter(ctx.scheduler()));
            return Filters.chain(all, transport);
        };
    }

    /** The deadline and the transport for {@code address}: what a fallback endpoint is called through. */
    private Service connect(String address, ContractDescriptor contract) {
        URI uri = Transports.address(address);
        return Filters.chain(List.of(new DeadlineFilter(ctx.scheduler())),
                ctx.transports().forAddress(uri).connect(uri, contract));
    }

    private Registration track(List<Registration> added) {
        registrations.addAll(added);
        return () -> {
            for (Registration r : added) {
                if (registrations.remove(r)) {
                    r.close();
                }
            }
        };
    }

    private static List<URI> addresses(String[] addresses) {
        if (addresses.length == 0) {
            throw new IllegalArgumentException("addresses: none given (e.g. \"local:trips\")");
        }
        List<URI> uris = new ArrayList<>();
        for (String a : addresses) {
            uris.add(Transports.address(requireNonNull(a, "address")));
        }
        return uris;
    }

    private static ContractDescriptor requireKind(Class<?> contract, ContractDescriptor.Kind kind, String used,
            String instead) {
        ContractDescriptor d = ContractDescriptor.of(contract);
        if (d.kind() != kind) {
            throw new IllegalArgumentException(contract.getName() + " is " + (kind == ContractDescriptor.Kind.SERVICE
                    ? "an events contract (all @Publish)" : "a service contract (no @Publish)")
                    + ": use " + instead + "(), not " + used + "()");
        }
        return d;
    }

    /** Configures a runtime. Not thread-safe. */
    public static final class Builder {
        private Scheduler scheduler = Scheduler.system();
        private Duration timeout = Defaults.TIMEOUT;
        private Duration shutdownGrace = Defaults.SHUTDOWN_GRACE;
        private final List<CodecFactory> codecs = new ArrayList<>();
        private final List<Filter> clientFilters = new ArrayList<>();
        private final List<Filter> serverFilters = new ArrayList<>();
        private final List<TransportProvider> transports = new ArrayList<>();
        private @Nullable String mediaType;
        private @Nullable String instance;

        private Builder() {
        }

        /** The clock and timers; tests pass a manual one. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** The default deadline of every call ({@link Defaults#TIMEOUT}). */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /** How long {@link #close()} waits for in-flight handlers ({@link Defaults#SHUTDOWN_GRACE}). */
        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = requireNonNull(grace, "grace");
            return this;
        }

        /** A codec factory asked before those found on the class path. */
        public Builder codec(CodecFactory factory) {
            codecs.add(requireNonNull(factory, "factory"));
            return this;
        }

        /**
         * A transport provider used instead of the one found on the class path for its schemes: the way to
         * give a transport its settings, e.g. {@code new TcpTransportProvider(TcpOptions.DEFAULT.withTls(...))}.
         */
        public Builder transport(TransportProvider provider) {
            transports.add(requireNonNull(provider, "provider"));
            return this;
        }

        /** The media type clients send; by default the first codec's first media type (JSON). */
        public Builder mediaType(String mediaType) {
            this.mediaType = requireNonNull(mediaType, "mediaType");
            return this;
        }

        /** A filter around every client call, outside the client's own filters. */
        public Builder clientFilter(Filter filter) {
            clientFilters.add(requireNonNull(filter, "filter"));
            return this;
        }

        /** A filter around every served operation, in the order added. */
        public Builder serverFilter(Filter filter) {
            serverFilters.add(requireNonNull(filter, "filter"));
            return this;
        }

        /** The instance name (a responder's identity); unique by default. */
        public Builder instance(String name) {
            this.instance = requireNonNull(name, "name");
            return this;
        }

        public Parley build() {
            return new Parley(this);
        }
    }

    static Duration positive(Duration d, String name) {
        requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + ": " + d + " (expected: > 0)");
        }
        return d;
    }
}
