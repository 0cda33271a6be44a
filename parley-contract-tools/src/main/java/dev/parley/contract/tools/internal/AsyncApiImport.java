package dev.parley.contract.tools.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.InteractionStyle;
import dev.parley.contract.tools.ApiModel;
import dev.parley.contract.tools.OperationModel;
import dev.parley.contract.tools.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads an AsyncAPI 3.0 document (YAML or JSON) into an {@link ApiModel}: each operation with its message's
 * payload as input and its reply's as output; the style from {@code x-parley-style}, else from the action
 * ({@code receive} with a reply is request/response, without one a notification; {@code send} is publish, with
 * a reply publish/async-response). Payload schemas go through the OpenAPI reader's rules.
 */
public final class AsyncApiImport {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private AsyncApiImport() {
    }

    /** Whether {@code text} looks like an AsyncAPI document (a top-level {@code asyncapi} key). */
    public static boolean looksLikeAsyncApi(String text) {
        return java.util.regex.Pattern.compile("(?m)^\\s*\\{?\\s*\"?asyncapi\"?\\s*:").matcher(text).find();
    }

    public static ApiModel read(String text, String where) {
        JsonNode doc;
        try {
            doc = YAML.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": not YAML or JSON: " + e.getMessage(), e);
        }
        if (doc == null || !doc.path("asyncapi").asText().startsWith("3.")) {
            throw new IllegalArgumentException(where + ": not an AsyncAPI 3.x document (asyncapi: "
                    + (doc == null ? "missing" : doc.path("asyncapi").asText("missing")) + ")");
        }
        ObjectNode schemas = doc.path("components").path("schemas") instanceof ObjectNode o ? o.deepCopy()
                : JsonNodeFactory.instance.objectNode();
        Map<String, JsonNode> payloads = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        doc.path("operations").fieldNames().forEachRemaining(names::add);
        for (String op : names) {
            JsonNode o = doc.path("operations").path(op);
            payloads.put(op + "#in", payload(doc, o.path("messages").path(0), where + " operation " + op));
            payloads.put(op + "#out", payload(doc, o.path("reply").path("messages").path(0), where + " operation " + op));
        }
        int n = 0;
        Map<String, String> synthetic = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : payloads.entrySet()) {
            if (e.getValue() != null) {
                String key = "ParleyPayload" + n++ + "x";
                synthetic.put(e.getKey(), key);
                schemas.set(key, e.getValue());
            }
        }
        Map<String, Schema> read = OpenApiImport.schemas(schemas, where);
        Map<String, Schema> types = new LinkedHashMap<>(read);
        synthetic.values().forEach(types::remove);
        boolean allSend = !names.isEmpty();
        List<OperationModel> ops = new ArrayList<>();
        for (String op : names) {
            JsonNode o = doc.path("operations").path(op);
            boolean send = o.path("action").asText().equals("send");
            allSend &= send;
            boolean reply = !o.path("reply").isMissingNode();
            InteractionStyle style = o.hasNonNull("x-parley-style") ? OpenApiImport.style(o.get("x-parley-style").asText(), op)
                    : send ? (reply ? InteractionStyle.PUBLISH_ASYNC_RESPONSE : InteractionStyle.PUBLISH_SUBSCRIBE)
                    : reply ? InteractionStyle.REQUEST_RESPONSE : InteractionStyle.NOTIFICATION;
            List<String> errors = new ArrayList<>();
            o.path("x-parley-errors").forEach(e -> errors.add(e.asText()));
            ops.add(new OperationModel(op, style, payloadSchema(read, synthetic.get(op + "#in")),
                    payloadSchema(read, synthetic.get(op + "#out")), o.path("x-parley-idempotent").asBoolean(false),
                    false, o.hasNonNull("x-parley-timeout-ms") ? o.get("x-parley-timeout-ms").asLong() : null, errors));
        }
        String title = doc.path("info").path("title").asText("api");
        String version = doc.path("info").path("version").asText("1.0").replaceAll("^(\\d+)\\.(\\d+).*$", "$1.$2");
        return new ApiModel(OpenApiImport.contractName(title), version.matches("\\d+\\.\\d+") ? version : "1.0",
                allSend ? ContractDescriptor.Kind.EVENTS : ContractDescriptor.Kind.SERVICE, ops, types);
    }

    private static @Nullable Schema payloadSchema(Map<String, Schema> read, @Nullable String key) {
        return key == null ? null : read.get(key);
    }

    /** The payload of the message {@code ref} points at (through channels and components), or null. */
    private static @Nullable JsonNode payload(JsonNode doc, JsonNode ref, String where) {
        JsonNode m = ref;
        for (int i = 0; i < 8 && m.has("$ref"); i++) {
            String pointer = m.get("$ref").asText();
            if (!pointer.startsWith("#/")) {
                throw new IllegalArgumentException(where + ": $ref " + pointer + " is not in this document");
            }
            m = doc.at(pointer.substring(1));
        }
        return m.isMissingNode() || !m.has("payload") ? null : m.get("payload");
    }
}
