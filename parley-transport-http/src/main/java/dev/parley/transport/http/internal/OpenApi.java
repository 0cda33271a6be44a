package dev.parley.transport.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.InteractionStyle;
import dev.parley.contract.OperationDescriptor;
import dev.parley.http.HttpRoute;
import dev.parley.http.HttpStatus;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The OpenAPI 3.1 document of the contracts served at an address, as served at {@code /openapi.json}: one
 * path item per route, parameters for path, query and header components, bodies and replies in every media
 * type the runtime's codecs speak, and problem+json for errors.
 */
final class OpenApi {

    private OpenApi() {
    }

    static byte[] document(RouteTable table, List<String> mediaTypes) {
        ObjectNode doc = Problems.JSON.createObjectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Parley services");
        info.put("version", table.contracts().stream().map(c -> c.name() + " " + c.version()).sorted().toList()
                .toString());
        info.put("description", "Generated from the Parley contracts served here; see docs/rest.md.");
        ArrayNode tags = doc.putArray("tags");
        for (ContractDescriptor c : table.contracts()) {
            tags.addObject().put("name", tag(c)).put("description", c.type().getName() + " " + c.version());
        }
        ObjectNode paths = doc.putObject("paths");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemaNodes = components.putObject("schemas");
        schemaNodes.set("Problem", problemSchema());
        Schemas schemas = new Schemas(schemaNodes);
        List<RouteTable.Entry> entries = new ArrayList<>(table.entries());
        entries.sort(java.util.Comparator.comparing((RouteTable.Entry e) -> e.route().template()));
        for (RouteTable.Entry e : entries) {
            ObjectNode item = paths.has(e.route().template()) ? (ObjectNode) paths.get(e.route().template())
                    : paths.putObject(e.route().template());
            item.set(e.route().method().toLowerCase(Locale.ROOT), operation(e, schemas, mediaTypes));
        }
        try {
            return Problems.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
        } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }

    private static ObjectNode operation(RouteTable.Entry e, Schemas schemas, List<String> mediaTypes) {
        OperationDescriptor op = e.op();
        HttpRoute r = e.route();
        ObjectNode o = Problems.JSON.createObjectNode();
        o.putArray("tags").add(tag(e.contract()));
        o.put("operationId", e.contract().name().replaceAll("[^A-Za-z0-9]", "_") + "_v" + e.contract().major() + "_"
                + op.name());
        o.put("summary", op.name() + " (" + op.style().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        ArrayNode params = o.putArray("parameters");
        Class<?> record = r.parameterRecord();
        if (record != null) {
            for (RecordComponent c : record.getRecordComponents()) {
                String name = c.getName();
                if (r.pathParams().contains(name)) {
                    params.addObject().put("name", name).put("in", "path").put("required", true)
                            .set("schema", schemas.of(c.getGenericType()));
                } else if (r.queryParams().containsKey(name)) {
                    params.addObject().put("name", r.queryParams().get(name)).put("in", "query")
                            .set("schema", schemas.of(c.getGenericType()));
                } else if (r.headerParams().containsKey(name)) {
                    params.addObject().put("name", r.headerParams().get(name)).put("in", "header")
                            .set("schema", schemas.of(c.getGenericType()));
                }
            }
        }
        params.addObject().put("name", "parley-deadline-ms").put("in", "header")
                .put("description", "the caller's remaining time budget in milliseconds (10 s when absent)")
                .set("schema", Problems.JSON.createObjectNode().put("type", "integer").put("minimum", 0));
        if (r.body() && op.parameterType() != null) {
            ObjectNode schema = record != null
                    ? schemas.partOf(record, allBound(r)) : schemas.of(op.parameterType());
            ObjectNode body = o.putObject("requestBody").put("required", true);
            content(body, schema, mediaTypes);
        }
        ObjectNode responses = o.putObject("responses");
        success(e, responses, schemas, mediaTypes);
        for (Class<? extends Throwable> x : op.declaredExceptions()) {
            HttpStatus s = x.getAnnotation(HttpStatus.class);
            String code = Integer.toString(s != null ? s.value() : 422);
            problem(responses, code, x.getSimpleName() + " (errorType " + x.getSimpleName() + ")");
        }
        problem(responses, "default", "an error: the Parley status is in parleyStatus (docs/rest.md, Errors)");
        return o;
    }

    private static void success(RouteTable.Entry e, ObjectNode responses, Schemas schemas, List<String> mediaTypes) {
        OperationDescriptor op = e.op();
        if (op.style() == InteractionStyle.NOTIFICATION) {
            responses.putObject("202").put("description", "accepted: the notification will be handled");
            return;
        }
        if (HttpRoute.isVoid(op)) {
            responses.putObject("204").put("description", "done");
            return;
        }
        String code = e.location() != null ? "201" : "200";
        ObjectNode ok = responses.putObject(code).put("description", e.location() != null ? "created" : "the reply");
        List<String> types = new ArrayList<>(mediaTypes);
        if (!e.links().isEmpty()) {
            types.add(Hal.MEDIA_TYPE);
        }
        content(ok, schemas.of(op.resultType()), types);
        if (e.location() != null) {
            ok.putObject("headers").putObject("Location").put("description", "where the created resource is")
                    .set("schema", Problems.JSON.createObjectNode().put("type", "string"));
        } else if (e.route().method().equals("GET")) {
            ok.putObject("headers").putObject("ETag").put("description", "send it back in If-None-Match to get 304")
                    .set("schema", Problems.JSON.createObjectNode().put("type", "string"));
            responses.putObject("304").put("description", "not modified since the ETag in If-None-Match");
        }
    }

    private static List<String> allBound(HttpRoute r) {
        List<String> bound = new ArrayList<>(r.pathParams());
        bound.addAll(r.queryParams().keySet());
        bound.addAll(r.headerParams().keySet());
        return bound;
    }

    private static void content(ObjectNode target, ObjectNode schema, List<String> mediaTypes) {
        ObjectNode content = target.putObject("content");
        for (String t : mediaTypes) {
            content.putObject(t).set("schema", schema.deepCopy());
        }
    }

    private static void problem(ObjectNode responses, String code, String description) {
        responses.putObject(code).put("description", description).putObject("content").putObject(Problems.MEDIA_TYPE)
                .putObject("schema").put("$ref", "#/components/schemas/Problem");
    }

    private static ObjectNode problemSchema() {
        ObjectNode s = Problems.JSON.createObjectNode().put("type", "object")
                .put("description", "RFC 9457 problem details");
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
}
