package dev.parley.contract.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.InteractionStyle;
import dev.parley.contract.OperationDescriptor;
import dev.parley.contract.tools.internal.JavaModelReader;
import dev.parley.http.HttpRoute;
import dev.parley.http.HttpStatus;
import dev.parley.http.Link;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Service contracts as an OpenAPI 3.1 document, as the HTTP binding maps them (docs/rest.md): one path item per
 * route, parameters for the components that travel in the path, the query and headers, the request body (for a
 * split parameter, the rest of the record), each reply with its status, each declared exception under its
 * status and a {@code default} problem+json reply. Schemas are the model's ({@link JsonSchemas}), so
 * {@code required} means what the tolerant reader needs. The same document is served at {@code /openapi.json}
 * by parley-transport-http and written by {@code parley contract export --format openapi}.
 *
 * <p>Parley's own facts ride in extensions that {@link OpenApiReader} reads back: {@code x-parley-contract}
 * and {@code x-parley-version} (one contract), {@code x-parley-operation}, {@code x-parley-style},
 * {@code x-parley-idempotent}, {@code x-parley-timeout-ms} and {@code x-parley-errors} on operations.
 */
public final class OpenApiExporter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String PREFIX = "#/components/schemas/";
    /** The header carrying the caller's time budget: on every operation, not part of any contract. */
    public static final String DEADLINE_HEADER = "parley-deadline-ms";
    /** The media type of error replies. */
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String HAL_JSON = "application/hal+json";

    private OpenApiExporter() {
    }

    /**
     * One service contract as an OpenAPI 3.1 document, with JSON bodies.
     *
     * @throws IllegalArgumentException for an events contract: events travel through brokers (AsyncAPI)
     */
    public static ObjectNode export(Class<?> contract) {
        ContractDescriptor c = ContractDescriptor.of(contract);
        if (c.kind() != ContractDescriptor.Kind.SERVICE) {
            throw new IllegalArgumentException(contract.getName() + " is an events contract: events travel through"
                    + " brokers, see AsyncApiExporter");
        }
        return export(List.of(c), List.of("application/json"));
    }

    /**
     * The OpenAPI 3.1 document of the service contracts among {@code contracts}, served together (as at one
     * address), with request and reply bodies in {@code mediaTypes}. Events contracts are left out: they travel
     * through brokers (AsyncAPI).
     */
    public static ObjectNode export(List<ContractDescriptor> all, List<String> mediaTypes) {
        List<ContractDescriptor> contracts = all.stream().filter(c -> c.kind() == ContractDescriptor.Kind.SERVICE)
                .toList();
        ObjectNode doc = JSON.objectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        if (contracts.size() == 1) {
            ContractDescriptor c = contracts.getFirst();
            info.put("title", c.name()).put("version", c.version());
            doc.put("x-parley-contract", c.name());
            doc.put("x-parley-version", c.version());
        } else {
            info.put("title", "Parley services");
            info.put("version", contracts.stream().map(c -> c.name() + " " + c.version()).sorted().toList().toString());
        }
        info.put("description", "Generated from the Parley contracts " + contracts.stream()
                .map(c -> c.type().getName() + " " + c.version()).toList() + "; see docs/rest.md.");
        ArrayNode tags = doc.putArray("tags");
        for (ContractDescriptor c : contracts) {
            tags.addObject().put("name", tag(c)).put("description", c.type().getName() + " " + c.version());
        }
        ObjectNode paths = doc.putObject("paths");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Problem", problemSchema());
        Map<String, Schema> merged = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>();
        for (ContractDescriptor c : contracts) {
            ApiModel model = Renames.into(JavaModelReader.read(c), merged);
            Map<String, HttpRoute> routes = HttpRoute.of(c);
            for (OperationDescriptor op : c.operations()) {
                items.add(new Item(c, op, routes.get(op.name()), routes, Objects.requireNonNull(model.operation(op.name())),
                        model));
            }
        }
        JsonSchemas json = new JsonSchemas(PREFIX);
        for (Map.Entry<String, Schema> e : merged.entrySet()) {
            schemas.set(e.getKey(), json.schema(e.getValue()));
        }
        items.sort(Comparator.comparing((Item i) -> i.route().template()).thenComparing(i -> i.route().method()));
        for (Item i : items) {
            ObjectNode item = paths.has(i.route().template()) ? (ObjectNode) paths.get(i.route().template())
                    : paths.putObject(i.route().template());
            item.set(i.route().method().toLowerCase(Locale.ROOT), operation(i, json, schemas, mediaTypes));
        }
        return doc;
    }

    private record Item(ContractDescriptor contract, OperationDescriptor op, HttpRoute route,
            Map<String, HttpRoute> routes, OperationModel model, ApiModel api) {
    }

    private static ObjectNode operation(Item i, JsonSchemas json, ObjectNode schemas, List<String> mediaTypes) {
        OperationDescriptor op = i.op();
        HttpRoute r = i.route();
        ObjectNode o = JSON.objectNode();
        o.putArray("tags").add(tag(i.contract()));
        o.put("operationId", i.contract().name().replaceAll("[^A-Za-z0-9]", "_") + "_v" + i.contract().major() + "_"
                + op.name());
        o.put("summary", op.name() + " (" + op.style().label() + ")");
        o.put("x-parley-operation", op.name());
        o.put("x-parley-style", op.style().label());
        if (op.idempotent()) {
            o.put("x-parley-idempotent", true);
        }
        if (i.model().timeoutMillis() != null) {
            o.put("x-parley-timeout-ms", i.model().timeoutMillis());
        }
        if (!i.model().errors().isEmpty()) {
            ArrayNode errors = o.putArray("x-parley-errors");
            i.model().errors().forEach(errors::add);
        }
        ArrayNode params = o.putArray("parameters");
        Schema input = i.model().input();
        Schema record = r.parameterRecord() != null && input != null ? i.api().resolve(input) : null;
        List<String> bound = new ArrayList<>();
        if (record != null) {
            for (Schema.Field f : record.fields()) {
                String name = f.name();
                String in;
                String wire = name;
                if (r.pathParams().contains(name)) {
                    in = "path";
                } else if (r.queryParams().containsKey(name)) {
                    in = "query";
                    wire = r.queryParams().get(name);
                } else if (r.headerParams().containsKey(name)) {
                    in = "header";
                    wire = r.headerParams().get(name);
                } else {
                    continue;
                }
                bound.add(name);
                ObjectNode p = params.addObject().put("name", wire).put("in", in)
                        .put("required", in.equals("path") || f.required());
                if (!wire.equals(name)) {
                    p.put("x-parley-component", name);
                }
                p.set("schema", json.schema(f.schema()));
            }
        }
        params.addObject().put("name", DEADLINE_HEADER).put("in", "header")
                .put("description", "the caller's remaining time budget in milliseconds (10 s when absent)")
                .set("schema", JSON.objectNode().put("type", "integer").put("minimum", 0));
        if (r.body() && input != null) {
            ObjectNode schema = record != null
                    ? json.schema(Schema.object(record.fields().stream().filter(f -> !bound.contains(f.name())).toList()))
                    : json.schema(input);
            content(o.putObject("requestBody").put("required", true), schema, mediaTypes);
        }
        ObjectNode responses = o.putObject("responses");
        success(i, responses, json, schemas, mediaTypes);
        for (Class<? extends Throwable> x : op.declaredExceptions()) {
            HttpStatus s = x.getAnnotation(HttpStatus.class);
            String code = Integer.toString(s != null ? s.value() : 422);
            problem(responses, code, x.getSimpleName() + " (errorType " + x.getSimpleName() + ")");
        }
        problem(responses, "default", "an error: the Parley status is in parleyStatus (docs/rest.md, Errors)");
        return o;
    }

    private static void success(Item i, ObjectNode responses, JsonSchemas json, ObjectNode schemas,
            List<String> mediaTypes) {
        OperationDescriptor op = i.op();
        if (op.style() == InteractionStyle.NOTIFICATION) {
            responses.putObject("202").put("description", "accepted: the notification will be handled");
            return;
        }
        Schema output = i.model().output();
        if (HttpRoute.isVoid(op) || output == null) {
            responses.putObject("204").put("description", "done");
            return;
        }
        String location = HttpRoute.location(i.route(), i.routes(), op);
        String code = location != null ? "201" : "200";
        ObjectNode ok = responses.putObject(code).put("description", location != null ? "created" : "the reply");
        List<String> types = new ArrayList<>(mediaTypes);
        if (op.resultType() instanceof Class<?> c && c.getAnnotationsByType(Link.class).length > 0
                && output.kind() == Schema.Kind.REF) {
            types.add(HAL_JSON);
            links((ObjectNode) schemas.get(output.ref()));
        }
        content(ok, json.schema(output), types);
        if (location != null) {
            ok.putObject("headers").putObject("Location").put("description", "where the created resource is")
                    .set("schema", JSON.objectNode().put("type", "string"));
        } else if (i.route().method().equals("GET")) {
            ok.putObject("headers").putObject("ETag").put("description", "send it back in If-None-Match to get 304")
                    .set("schema", JSON.objectNode().put("type", "string"));
            responses.putObject("304").put("description", "not modified since the ETag in If-None-Match");
        }
    }

    /** HAL {@code _links}, marked {@code x-parley-links} (the server adds them; no record component holds them). */
    private static void links(ObjectNode type) {
        ObjectNode props = type.withObject("/properties");
        if (props.has("_links")) {
            return;
        }
        ObjectNode link = JSON.objectNode().put("type", "object");
        link.putObject("properties").set("href", JSON.objectNode().put("type", "string"));
        link.withObject("/properties").set("method", JSON.objectNode().put("type", "string"));
        props.putObject("_links").put("type", "object").put("description", "HAL links to related operations")
                .put("x-parley-links", true).set("additionalProperties", link);
    }

    private static void content(ObjectNode target, ObjectNode schema, List<String> mediaTypes) {
        ObjectNode content = target.putObject("content");
        for (String t : mediaTypes) {
            content.putObject(t).set("schema", schema.deepCopy());
        }
    }

    private static void problem(ObjectNode responses, String code, String description) {
        responses.putObject(code).put("description", description).putObject("content").putObject(PROBLEM_JSON)
                .putObject("schema").put("$ref", PREFIX + "Problem");
    }

    private static ObjectNode problemSchema() {
        ObjectNode s = JSON.objectNode().put("type", "object").put("description", "RFC 9457 problem details");
        ObjectNode p = s.putObject("properties");
        p.putObject("type").put("type", "string").put("format", "uri");
        p.putObject("title").put("type", "string");
        p.putObject("status").put("type", "integer");
        p.putObject("detail").put("type", "string");
        p.putObject("parleyStatus").put("type", "string").put("description", "the Parley status (dev.parley.Status)");
        p.putObject("errorType").put("type", "string").put("description", "the declared exception, when it is one");
        s.putArray("required").add("type").add("status").add("parleyStatus");
        return s;
    }

    private static String tag(ContractDescriptor c) {
        return c.name() + " v" + c.major();
    }

    /** Puts the named types of several models in one namespace: a name taken by a different type gets a suffix. */
    private static final class Renames {

        static ApiModel into(ApiModel model, Map<String, Schema> merged) {
            Map<String, String> renamed = new HashMap<>();
            for (String name : model.types().keySet()) {
                String target = name;
                for (int n = 2; merged.containsKey(target) || target.equals("Problem"); n++) {
                    target = name + n;
                }
                renamed.put(name, target);
            }
            Map<String, Schema> types = new LinkedHashMap<>();
            for (Map.Entry<String, Schema> e : model.types().entrySet()) {
                types.put(renamed.get(e.getKey()), rename(e.getValue(), renamed));
            }
            merged.putAll(types);
            List<OperationModel> ops = new ArrayList<>();
            for (OperationModel o : model.operations()) {
                ops.add(new OperationModel(o.name(), o.style(), rename(o.input(), renamed), rename(o.output(), renamed),
                        o.idempotent(), o.nonBlocking(), o.timeoutMillis(), o.errors(), o.bindings()));
            }
            return new ApiModel(model.name(), model.version(), model.kind(), ops, types);
        }

        private static @Nullable Schema rename(@Nullable Schema s, Map<String, String> renamed) {
            if (s == null) {
                return null;
            }
            return switch (s.kind()) {
                case REF -> Schema.ref(renamed.getOrDefault(s.ref(), s.ref()));
                case ARRAY -> Schema.array(Objects.requireNonNull(rename(s.items(), renamed)), s.unique());
                case MAP -> Schema.map(Objects.requireNonNull(rename(s.items(), renamed)));
                case OBJECT -> Schema.object(s.fields().stream()
                        .map(f -> new Schema.Field(f.name(), Objects.requireNonNull(rename(f.schema(), renamed)),
                                f.required()))
                        .toList());
                default -> s;
            };
        }
    }
}
