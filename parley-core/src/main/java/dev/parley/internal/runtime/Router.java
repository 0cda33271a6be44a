package dev.parley.internal.runtime;

import dev.parley.Status;
import dev.parley.contract.ContractDescriptor;
import dev.parley.message.HeaderNames;
import dev.parley.message.Message;
import dev.parley.service.Service;
import dev.parley.transport.Registration;
import dev.parley.transport.ServedContracts;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The contracts one runtime serves at one address, keyed by contract name and major version: minor versions
 * of a contract share a route, majors are served side by side.
 */
public final class Router implements Service, ServedContracts {

    /** Services by contract name, then major version. */
    private final Map<String, Map<Integer, Service>> routes = new ConcurrentHashMap<>();
    /** {@code name.vMAJOR} to the full version served, for messages. */
    private final Map<String, String> versions = new ConcurrentHashMap<>();
    /** The descriptors served, in the order added; what a transport mapping contracts reads. */
    private final List<ContractDescriptor> contracts = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<ContractDescriptor>>> listeners = new CopyOnWriteArrayList<>();

    /** Adds a contract's service; refuses a second service for the same name and major version. */
    public void add(ContractDescriptor contract, Service service) {
        Map<Integer, Service> majors = routes.computeIfAbsent(contract.name(), n -> new ConcurrentHashMap<>());
        if (majors.putIfAbsent(contract.major(), service) != null) {
            throw new IllegalStateException(contract.name() + " v" + contract.major()
                    + " is already served at this address");
        }
        versions.put(contract.channel(), contract.version());
        contracts.add(contract);
        try {
            changed();
        } catch (RuntimeException e) {
            remove(contract);
            throw e;
        }
    }

    public void remove(ContractDescriptor contract) {
        Map<Integer, Service> majors = routes.get(contract.name());
        if (majors != null) {
            majors.remove(contract.major());
        }
        versions.remove(contract.channel());
        if (contracts.removeIf(c -> c.name().equals(contract.name()) && c.major() == contract.major())) {
            changed();
        }
    }

    @Override
    public List<ContractDescriptor> contracts() {
        return List.copyOf(contracts);
    }

    @Override
    public Registration onChange(Consumer<List<ContractDescriptor>> listener) {
        listeners.add(listener);
        listener.accept(contracts());
        return () -> listeners.remove(listener);
    }

    private void changed() {
        List<ContractDescriptor> now = contracts();
        for (Consumer<List<ContractDescriptor>> l : listeners) {
            l.accept(now);
        }
    }

    public boolean isEmpty() {
        return versions.isEmpty();
    }

    @Override
    public CompletionStage<Message> call(Message request) {
        String name = request.header(HeaderNames.CONTRACT);
        String version = request.header(HeaderNames.VERSION);
        Map<Integer, Service> majors = name == null ? null : routes.get(name);
        int major = major(version);
        Service route = majors == null || major < 0 ? null : majors.get(major);
        if (route == null) {
            return CompletableFuture.completedFuture(Errors.reply(request, Status.UNIMPLEMENTED,
                    "contract " + name + " " + version + " is not served here; served: " + served()));
        }
        return route.call(request);
    }

    /** The major part of {@code major.minor}, without allocating; -1 when there is none. */
    private static int major(@Nullable String version) {
        if (version == null) {
            return -1;
        }
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(version, 0, dot < 0 ? version.length() : dot, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String served() {
        return new TreeMap<>(versions).entrySet().stream()
                .map(e -> e.getKey().substring(0, e.getKey().lastIndexOf(".v")) + " " + e.getValue())
                .toList().toString();
    }

    @Override
    public String toString() {
        return "router" + new TreeMap<>(versions);
    }
}
