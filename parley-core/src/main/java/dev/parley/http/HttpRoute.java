package dev.parley.http;

import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.InteractionStyle;
import dev.parley.contract.InvalidContractException;
import dev.parley.contract.OperationDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How one operation is reached over HTTP. Without a method annotation it is {@code POST
 * /{contract}/v{major}/{operation}} with the parameter as the body (REST maturity level 1); with one it is a
 * resource, {@code METHOD /v{major}{template}}, whose parameter record's components travel in the path, the
 * query, headers or the body (level 2). Read and checked with the contract; see docs/rest.md.
 *
 * @param operation the operation's name
 * @param method the HTTP method, upper case
 * @param template the full path template, e.g. {@code /v1/trips/{id}}
 * @param resource whether the operation carries a method annotation (level 2) or uses the default (level 1)
 * @param pathParams the path variables, in template order; each names a component of the parameter record
 * @param queryParams components carried in the query string: component name to parameter name
 * @param headerParams components carried in headers: component name to header name (lower case)
 * @param body whether the request has a body (the parameter, less what travels elsewhere)
 * @param parameterRecord the parameter's record type when some of it travels outside the body, else {@code null}
 */
public record HttpRoute(String operation, String method, String template, boolean resource, List<String> pathParams,
        Map<String, String> queryParams, Map<String, String> headerParams, boolean body,
        @Nullable Class<?> parameterRecord) {

    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Set<Class<?>> SIMPLE = Set.of(String.class, Integer.class, int.class, Long.class,
            long.class, Short.class, short.class, Byte.class, byte.class, Double.class, double.class, Float.class,
            float.class, Boolean.class, boolean.class, UUID.class, java.math.BigDecimal.class,
            java.math.BigInteger.class);

    private static final ClassValue<Map<String, HttpRoute>> CACHE = new ClassValue<>() {
        @Override
        protected Map<String, HttpRoute> computeValue(Class<?> type) {
            ContractDescriptor d = ContractDescriptor.of(type);
            return read(type, d.name(), d.major(), d.operations());
        }
    };

    /** The routes of a service contract's operations, by operation name, in a stable order. */
    public static Map<String, HttpRoute> of(ContractDescriptor contract) {
        return CACHE.get(contract.type());
    }

    /**
     * Reads and checks the HTTP mapping of a contract's operations. Called when the contract is read, so a
     * bad mapping is refused like any other contract rule.
     *
     * @throws InvalidContractException naming the interface, the method and the rule
     */
    public static Map<String, HttpRoute> read(Class<?> type, String contract, int major,
            Collection<OperationDescriptor> ops) {
        Map<String, HttpRoute> routes = new LinkedHashMap<>();
        for (OperationDescriptor op : ops) {
            routes.put(op.name(), readOne(type, contract, major, op));
        }
        for (OperationDescriptor op : ops) {
            checkLinks(type, op, routes);
            for (Class<? extends Throwable> e : op.declaredExceptions()) {
                HttpStatus status = e.getAnnotation(HttpStatus.class);
                if (status != null && (status.value() < 400 || status.value() > 599)) {
                    throw refuse(type.getName() + "." + op.name(), "declared exception " + e.getSimpleName()
                            + " has @HttpStatus(" + status.value() + "); an error is a 4xx or 5xx status");
                }
            }
        }
        return Map.copyOf(new LinkedHashMap<>(routes));
    }

    /**
     * The template of the {@code Location} a create answers with (its reply is a 201): a {@code @Post} to
     * {@code /x} that returns a record, when the contract has a {@code @Get} at {@code /x/{var}} and the record a
     * component {@code var}; {@code null} otherwise.
     *
     * @param routes the contract's routes, as {@link #of} gives them
     */
    public static @Nullable String location(HttpRoute r, Map<String, HttpRoute> routes, OperationDescriptor op) {
        if (!r.resource() || !r.method().equals("POST") || !(op.resultType() instanceof Class<?> result)
                || !result.isRecord()) {
            return null;
        }
        for (HttpRoute g : routes.values()) {
            if (g.method().equals("GET") && g.pathParams().size() == r.pathParams().size() + 1
                    && g.template().startsWith(r.template() + "/")) {
                String var = g.pathParams().getLast();
                if (g.template().equals(r.template() + "/{" + var + "}") && java.util.Arrays
                        .stream(result.getRecordComponents()).anyMatch(c -> c.getName().equals(var))) {
                    return g.template();
                }
            }
        }
        return null;
    }

    /** Whether a value of {@code type} can travel as one path, query or header string. */
    public static boolean isSimple(Class<?> type) {
        return SIMPLE.contains(type) || type.isEnum();
    }

    /** Whether the operation answers with nothing (void or a notification). */
    public static boolean isVoid(OperationDescriptor op) {
        return op.resultType() == Void.class || op.style() == InteractionStyle.NOTIFICATION;
    }

    private static HttpRoute readOne(Class<?> type, String contract, int major, OperationDescriptor op) {
        String where = type.getName() + "." + op.name();
        Method m = op.method();
        List<Annotation> mapping = new ArrayList<>();
        for (Class<? extends Annotation> a : List.of(Get.class, Post.class, Put.class, Patch.class, Delete.class)) {
            Annotation found = m.getAnnotation(a);
            if (found != null) {
                mapping.add(found);
            }
        }
        boolean events = op.style().isOneToMany();
        if (mapping.isEmpty()) {
            if (!events) {
                checkNoComponentMapping(where, op, false);
            }
            return new HttpRoute(op.name(), "POST", "/" + contract + "/v" + major + "/" + op.name(), false,
                    List.of(), Map.of(), Map.of(), op.parameterType() != null, null);
        }
        if (events) {
            throw refuse(where, "@Publish operations are events, not HTTP resources; remove @"
                    + mapping.getFirst().annotationType().getSimpleName());
        }
        if (mapping.size() > 1) {
            throw refuse(where, "has " + mapping.stream().map(a -> "@" + a.annotationType().getSimpleName()).toList()
                    + "; an operation has at most one HTTP method");
        }
        Annotation a = mapping.getFirst();
        String method = a.annotationType().getSimpleName().toUpperCase(Locale.ROOT);
        String template = template(a);
        List<String> vars = checkTemplate(where, template);
        if (method.equals("GET") && op.style() == InteractionStyle.NOTIFICATION) {
            throw refuse(where, "@Get on a @OneWay operation: a notification changes something; use @Post");
        }
        return resource(where, op, method, "/v" + major + template, vars);
    }

    private static HttpRoute resource(String where, OperationDescriptor op, String method, String template,
            List<String> vars) {
        boolean bodyless = method.equals("GET") || method.equals("DELETE");
        Type param = op.parameterType();
        Class<?> raw = param == null ? null : raw(param);
        if (raw == null || !raw.isRecord()) {
            if (!vars.isEmpty()) {
                throw refuse(where, "path variable {" + vars.getFirst() + "} needs the parameter to be a record with a"
                        + " component '" + vars.getFirst() + "'" + (raw == null ? "; the operation has no parameter"
                        : ", not " + raw.getSimpleName()));
            }
            if (raw != null && bodyless) {
                throw refuse(where, "@" + pretty(method) + " has no body, so its parameter must be a record whose"
                        + " components travel in the path and query, not " + raw.getSimpleName());
            }
            return new HttpRoute(op.name(), method, template, true, List.of(), Map.of(), Map.of(), raw != null, null);
        }
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        for (RecordComponent c : raw.getRecordComponents()) {
            components.put(c.getName(), c);
        }
        for (String v : vars) {
            RecordComponent c = components.get(v);
            if (c == null) {
                throw refuse(where, "path variable {" + v + "} has no component of that name in "
                        + raw.getSimpleName() + " " + components.keySet());
            }
            if (c.isAnnotationPresent(Query.class) || c.isAnnotationPresent(Header.class)) {
                throw refuse(where, "component '" + v + "' is a path variable and also @Query or @Header; pick one");
            }
            requireSimple(where, c, "path variable");
        }
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        boolean body = false;
        for (RecordComponent c : components.values()) {
            if (vars.contains(c.getName())) {
                continue;
            }
            Query q = c.getAnnotation(Query.class);
            Header h = c.getAnnotation(Header.class);
            if (q != null && h != null) {
                throw refuse(where, "component '" + c.getName() + "' is both @Query and @Header; pick one");
            }
            if (h != null) {
                requireSimple(where, c, "@Header component");
                if (h.value().isBlank() || !h.value().chars().allMatch(ch -> ch > 0x20 && ch < 0x7f && ch != ':')) {
                    throw refuse(where, "@Header(\"" + h.value() + "\") on '" + c.getName() + "' is not a header name");
                }
                headers.put(c.getName(), h.value().toLowerCase(Locale.ROOT));
            } else if (q != null || bodyless) {
                requireSimple(where, c, bodyless && q == null
                        ? "component (on @" + pretty(method) + " it travels in the query string)" : "@Query component");
                query.put(c.getName(), q == null || q.value().isEmpty() ? c.getName() : q.value());
            } else {
                body = true;
            }
        }
        boolean split = !vars.isEmpty() || !query.isEmpty() || !headers.isEmpty();
        return new HttpRoute(op.name(), method, template, true, List.copyOf(vars), Map.copyOf(query),
                Map.copyOf(headers), body || (!split && !bodyless), split ? raw : null);
    }

    private static void checkNoComponentMapping(String where, OperationDescriptor op, boolean annotated) {
        Type param = op.parameterType();
        Class<?> raw = param == null ? null : raw(param);
        if (annotated || raw == null || !raw.isRecord()) {
            return;
        }
        for (RecordComponent c : raw.getRecordComponents()) {
            if (c.isAnnotationPresent(Query.class) || c.isAnnotationPresent(Header.class)) {
                throw refuse(where, "component '" + c.getName() + "' of " + raw.getSimpleName()
                        + " is @Query or @Header, but the operation has no HTTP method annotation (@Get, @Post, ...)");
            }
        }
    }

    private static void requireSimple(String where, RecordComponent c, String role) {
        if (!isSimple(c.getType())) {
            throw refuse(where, role + " '" + c.getName() + "' is " + c.getGenericType().getTypeName()
                    + "; it must be a string, number, boolean, UUID or enum");
        }
    }

    private static List<String> checkTemplate(String where, String template) {
        if (!template.startsWith("/")) {
            throw refuse(where, "path template '" + template + "' must start with '/'");
        }
        List<String> vars = new ArrayList<>();
        if (template.equals("/")) {
            return vars;
        }
        for (String segment : template.substring(1).split("/", -1)) {
            var v = VARIABLE.matcher(segment);
            if (v.matches()) {
                if (vars.contains(v.group(1))) {
                    throw refuse(where, "path template '" + template + "' names {" + v.group(1) + "} twice");
                }
                vars.add(v.group(1));
            } else if (!LITERAL.matcher(segment).matches()) {
                throw refuse(where, "path template '" + template + "': segment '" + segment + "' must be a literal"
                        + " of letters, digits and ._~- or a whole {variable}");
            }
        }
        return vars;
    }

    private static void checkLinks(Class<?> type, OperationDescriptor op, Map<String, HttpRoute> routes) {
        Class<?> result = raw(op.resultType());
        Link[] links = result.getAnnotationsByType(Link.class);
        if (links.length == 0) {
            return;
        }
        String where = type.getName() + "." + op.name();
        for (Link link : links) {
            HttpRoute target = routes.get(link.operation());
            if (target == null || !target.resource()) {
                throw refuse(where, "returns " + result.getSimpleName() + ", whose @Link(rel = \"" + link.rel()
                        + "\") names operation '" + link.operation() + "'"
                        + (target == null ? ", which the contract does not have" : ", which has no HTTP method annotation"));
            }
            for (String v : target.pathParams()) {
                if (!result.isRecord() || java.util.Arrays.stream(result.getRecordComponents())
                        .noneMatch(c -> c.getName().equals(v))) {
                    throw refuse(where, "returns " + result.getSimpleName() + ", whose @Link(rel = \"" + link.rel()
                            + "\") needs a component '" + v + "' to fill " + target.template());
                }
            }
        }
    }

    private static String template(Annotation a) {
        return switch (a) {
            case Get g -> g.value();
            case Post p -> p.value();
            case Put p -> p.value();
            case Patch p -> p.value();
            case Delete d -> d.value();
            default -> throw new IllegalStateException(a.toString());
        };
    }

    private static String pretty(String method) {
        return method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT);
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static InvalidContractException refuse(String where, String rule) {
        return new InvalidContractException(where + ": " + rule);
    }
}
