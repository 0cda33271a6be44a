package dev.parley.contract.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.InteractionStyle;
import dev.parley.message.HeaderNames;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A contract as an AsyncAPI 3.0 document: how it travels over a broker. The contract's channel is
 * {@code name.v{major}} (minors share it), carrying one request message per operation, told apart by the
 * {@code parley-operation} header; replies (request/response, publish/async-response) go to the address in the
 * {@code parley-reply-to} header and are matched by {@code parley-correlation-id}. A service contract is described
 * from its server's side (it receives), an events or scatter contract from its publisher's (it sends). Message
 * types are JSON Schema in {@code components.schemas}; Parley's own facts (style, idempotency, timeout, declared
 * errors) ride in {@code x-parley-*} extensions.
 */
public final class AsyncApiExporter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String CONTENT_TYPE = "application/json";

    private AsyncApiExporter() {
    }

    public static ObjectNode export(ApiModel model) {
        ObjectNode doc = JSON.objectNode();
        doc.put("asyncapi", "3.0.0");
        doc.putObject("info").put("title", model.name()).put("version", model.version())
                .put("description", "Parley contract " + model + " (" + model.kind().name().toLowerCase(Locale.ROOT)
                        + "), exported by parley-contract-tools.");
        doc.put("defaultContentType", CONTENT_TYPE);
        String channel = model.name() + ".v" + model.major();
        String replies = channel + ".replies";
        ObjectNode channels = doc.putObject("channels");
        ObjectNode requestMessages = channels.putObject(channel).put("address", channel).putObject("messages");
        ObjectNode replyMessages = JSON.objectNode();
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        for (OperationModel op : model.operations()) {
            String request = op.name() + ".request";
            messages.set(request, message(model, op, op.input(), op.style().label()));
            requestMessages.putObject(request).put("$ref", "#/components/messages/" + request);
            ObjectNode operation = operations.putObject(op.name());
            operation.put("action", model.kind() == ContractDescriptor.Kind.EVENTS ? "send" : "receive");
            operation.putObject("channel").put("$ref", "#/channels/" + channel);
            operation.put("summary", op.style().label());
            operation.putArray("messages").addObject().put("$ref", "#/channels/" + channel + "/messages/" + request);
            if (hasReply(op.style())) {
                String reply = op.name() + ".reply";
                messages.set(reply, message(model, op, op.output(), "reply to " + op.name()));
                replyMessages.putObject(reply).put("$ref", "#/components/messages/" + reply);
                ObjectNode r = operation.putObject("reply");
                r.putObject("address").put("location", "$message.header#/" + HeaderNames.REPLY_TO)
                        .put("description", "the caller's reply address");
                r.putObject("channel").put("$ref", "#/channels/" + replies);
                r.putArray("messages").addObject().put("$ref", "#/channels/" + replies + "/messages/" + reply);
            }
            extensions(op, operation);
        }
        if (!replyMessages.isEmpty()) {
            ObjectNode c = channels.putObject(replies);
            c.putNull("address");
            c.put("description", "Each caller's own reply address, given in the " + HeaderNames.REPLY_TO + " header.");
            c.set("messages", replyMessages);
        }
        components.set("schemas", new JsonSchemas("#/components/schemas/").types(model));
        return doc;
    }

    /** {@link #export} as indented JSON text. */
    public static String exportJson(ApiModel model) {
        try {
            return ModelJson.mapper().writeValueAsString(export(model)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the AsyncAPI document of " + model, e);
        }
    }

    private static boolean hasReply(InteractionStyle style) {
        return style == InteractionStyle.REQUEST_RESPONSE || style == InteractionStyle.REQUEST_ASYNC_RESPONSE
                || style == InteractionStyle.PUBLISH_ASYNC_RESPONSE;
    }

    private static ObjectNode message(ApiModel model, OperationModel op, @Nullable Schema payload,
            String summary) {
        ObjectNode m = JSON.objectNode();
        m.put("contentType", CONTENT_TYPE).put("summary", summary);
        ObjectNode headers = m.putObject("headers").put("type", "object");
        ObjectNode props = headers.putObject("properties");
        props.putObject(HeaderNames.CONTRACT).put("const", model.name());
        props.putObject(HeaderNames.VERSION).put("type", "string").put("pattern", "^" + model.major() + "\\.\\d+$");
        props.putObject(HeaderNames.OPERATION).put("const", op.name());
        props.putObject(HeaderNames.MESSAGE_ID).put("type", "string");
        ArrayNode required = headers.putArray("required");
        required.add(HeaderNames.CONTRACT).add(HeaderNames.VERSION).add(HeaderNames.OPERATION);
        if (payload != null) {
            m.set("payload", new JsonSchemas("#/components/schemas/").schema(payload));
        }
        if (hasReply(op.style())) {
            m.putObject("correlationId").put("location", "$message.header#/" + HeaderNames.CORRELATION_ID);
        }
        return m;
    }

    private static void extensions(OperationModel op, ObjectNode operation) {
        operation.put("x-parley-style", op.style().label());
        if (op.idempotent()) {
            operation.put("x-parley-idempotent", true);
        }
        if (op.timeoutMillis() != null) {
            operation.put("x-parley-timeout-ms", op.timeoutMillis());
        }
        if (!op.errors().isEmpty()) {
            ArrayNode errors = operation.putArray("x-parley-errors");
            op.errors().forEach(errors::add);
        }
    }
}
