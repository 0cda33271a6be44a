package dev.parley.internal.runtime;

import dev.parley.Status;
import dev.parley.contract.ContractDescriptor;
import dev.parley.message.HeaderNames;
import dev.parley.message.Message;
import dev.parley.service.Service;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contracts one runtime serves at one address, keyed by contract name and major version: minor versions
 * of a contract share a route, majors are served side by side.
 */
public final class Router implements Service {

    private final Map<String, Service> routes = new ConcurrentHashMap<>();
    private final Map<String, String> versions = new ConcurrentHashMap<>();

    /** Adds a contract's service; refuses a second service for the same name and major version. */
    public void add(ContractDescriptor contract, Service service) {
        String key = contract.channel();
        if (routes.putIfAbsent(key, service) != null) {
            throw new IllegalStateException(contract.name() + " v" + contract.major()
                    + " is already served at this address");
        }
        versions.put(key, contract.version());
    }

    public void remove(ContractDescriptor contract) {
        routes.remove(contract.channel());
        versions.remove(contract.channel());
    }

    public boolean isEmpty() {
        return routes.isEmpty();
    }

    @Override
    public CompletionStage<Message> call(Message request) {
        String name = request.header(HeaderNames.CONTRACT);
        String version = request.header(HeaderNames.VERSION);
        String key = name + ".v" + major(version);
        Service route = routes.get(key);
        if (route == null) {
            return CompletableFuture.completedFuture(Errors.reply(request, Status.UNIMPLEMENTED,
                    "contract " + name + " " + version + " is not served here; served: " + served()));
        }
        return route.call(request);
    }

    private static String major(String version) {
        if (version == null) {
            return "?";
        }
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
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
