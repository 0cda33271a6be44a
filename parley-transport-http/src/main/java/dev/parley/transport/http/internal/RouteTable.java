package dev.parley.transport.http.internal;

import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.OperationDescriptor;
import dev.parley.http.HttpRoute;
import dev.parley.http.Link;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The routes of every contract served at one address, rebuilt whenever a contract is added or removed. A
 * request is matched on its method and path segments; a literal segment beats a variable one.
 */
final class RouteTable {

    private static final Pattern VERSION = Pattern.compile("v(\\d+)");

    /** One operation reachable over HTTP. */
    record Entry(ContractDescriptor contract, OperationDescriptor op, HttpRoute route, List<String> segments,
            @Nullable Binding binding, Map<String, HttpRoute> links, @Nullable String location) {

        int literals() {
            return (int) segments.stream().filter(s -> !Paths.isVariable(s)).count();
        }
    }

    /** What a request's method and path lead to. */
    sealed interface Match permits Found, WrongMethod, NotFound {
    }

    record Found(Entry entry, Map<String, String> vars) implements Match {
    }

    record WrongMethod(List<String> allowed) implements Match {
    }

    record NotFound(String detail) implements Match {
    }

    static final RouteTable EMPTY = new RouteTable(List.of(), List.of());

    private final List<Entry> entries;
    private final List<ContractDescriptor> contracts;
    /**
     * Routes without variables by their exact path, then method: the match most requests get, found without
     * splitting the path. Only templates that read the same decoded are here, so it agrees with the full match.
     */
    private final Map<String, Map<String, Found>> exact = new HashMap<>();

    private RouteTable(List<Entry> entries, List<ContractDescriptor> contracts) {
        this.entries = entries;
        this.contracts = contracts;
        for (Entry e : entries) {
            String template = e.route().template();
            boolean literal = e.segments().stream().noneMatch(Paths::isVariable)
                    && template.indexOf('%') < 0 && template.indexOf('+') < 0;
            if (literal) {
                exact.computeIfAbsent(template, t -> new HashMap<>()).put(e.route().method(), new Found(e, Map.of()));
            }
        }
    }

    /** The table of {@code contracts}; refuses two operations that claim one method and path. */
    static RouteTable of(List<ContractDescriptor> contracts) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Entry> claimed = new HashMap<>();
        for (ContractDescriptor c : contracts) {
            Map<String, HttpRoute> routes = HttpRoute.of(c);
            for (OperationDescriptor op : c.operations()) {
                HttpRoute r = routes.get(op.name());
                Entry e = new Entry(c, op, r, Paths.segments(r.template()), Binding.of(r), links(op, routes),
                        HttpRoute.location(r, routes, op));
                String shape = r.method() + " " + r.template().replaceAll("\\{[^}]*}", "{}");
                Entry other = claimed.putIfAbsent(shape, e);
                if (other != null) {
                    throw new IllegalStateException(r.method() + " " + r.template() + " is claimed by both "
                            + other.contract().name() + "." + other.op().name() + " and " + c.name() + "."
                            + op.name() + " at this address");
                }
                entries.add(e);
            }
        }
        return new RouteTable(List.copyOf(entries), List.copyOf(contracts));
    }

    List<Entry> entries() {
        return entries;
    }

    List<ContractDescriptor> contracts() {
        return contracts;
    }

    Match match(String method, String rawPath) {
        Map<String, Found> byMethod = exact.get(rawPath);
        Found found = byMethod == null ? null : byMethod.get(method);
        if (found != null) {
            return found; // a literal route wins over any with variables, and two literal ones cannot clash
        }
        List<String> segments = Paths.segments(rawPath);
        for (int i = 0; i < segments.size(); i++) {
            segments.set(i, QueryStringDecoder.decodeComponent(segments.get(i)));
        }
        Found best = null;
        List<String> allowed = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, String> vars = bind(e.segments(), segments);
            if (vars == null) {
                continue;
            }
            if (!e.route().method().equals(method)) {
                allowed.add(e.route().method());
            } else if (best == null || e.literals() > best.entry().literals()) {
                best = new Found(e, vars);
            }
        }
        if (best != null) {
            return best;
        }
        if (!allowed.isEmpty()) {
            return new WrongMethod(List.copyOf(new TreeSet<>(allowed)));
        }
        return new NotFound(notFound(method, rawPath, segments));
    }

    private static @Nullable Map<String, String> bind(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return null;
        }
        Map<String, String> vars = null;
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            String p = path.get(i);
            if (Paths.isVariable(t)) {
                if (p.isEmpty()) {
                    return null;
                }
                if (vars == null) {
                    vars = new HashMap<>(4);
                }
                vars.put(t.substring(1, t.length() - 1), p);
            } else if (!t.equals(p)) {
                return null;
            }
        }
        return vars == null ? Map.of() : vars;
    }

    /** A 404's detail: for an unknown major version, the versions that are served. */
    private String notFound(String method, String rawPath, List<String> segments) {
        String served = contracts.stream().map(c -> c.name() + " " + c.version()).sorted().toList().toString();
        if (segments.size() >= 2 && VERSION.matcher(segments.get(1)).matches()) {
            String name = segments.get(0);
            List<String> versions = contracts.stream().filter(c -> c.name().equals(name)).map(ContractDescriptor::version)
                    .sorted().toList();
            if (!versions.isEmpty() && contracts.stream().noneMatch(c -> c.name().equals(name)
                    && ("v" + c.major()).equals(segments.get(1)))) {
                return "contract " + name + " " + segments.get(1) + " is not served here; served: " + served;
            }
        }
        if (!segments.isEmpty() && VERSION.matcher(segments.getFirst()).matches()
                && contracts.stream().noneMatch(c -> ("v" + c.major()).equals(segments.getFirst()))) {
            String majors = contracts.stream().map(c -> "v" + c.major()).distinct().sorted().collect(Collectors.joining(", "));
            return "version " + segments.getFirst() + " is not served here; versions: " + majors + "; served: " + served;
        }
        return "no operation answers " + method + " " + rawPath + "; served: " + served + " (see /openapi.json)";
    }

    private static Map<String, HttpRoute> links(OperationDescriptor op, Map<String, HttpRoute> routes) {
        Class<?> result = op.resultType() instanceof Class<?> c ? c : Object.class;
        Map<String, HttpRoute> links = new LinkedHashMap<>();
        for (Link l : result.getAnnotationsByType(Link.class)) {
            links.put(l.rel(), routes.get(l.operation()));
        }
        return Map.copyOf(links);
    }
}
