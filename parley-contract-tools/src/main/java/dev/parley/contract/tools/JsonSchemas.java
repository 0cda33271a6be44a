package dev.parley.contract.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * Model {@link Schema}s as JSON Schema (draft 07, which AsyncAPI 3.0 and OpenAPI 3.1 both read): records are
 * objects whose required fields are listed in {@code required}; references point at {@code prefix + name}.
 */
public final class JsonSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String prefix;

    /** @param prefix where the named types live, e.g. {@code #/components/schemas/} */
    public JsonSchemas(String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** Every named type of {@code model}, by name. */
    public ObjectNode types(ApiModel model) {
        ObjectNode types = JSON.objectNode();
        for (Map.Entry<String, Schema> e : model.types().entrySet()) {
            types.set(e.getKey(), schema(e.getValue()));
        }
        return types;
    }

    public ObjectNode schema(Schema s) {
        ObjectNode n = JSON.objectNode();
        switch (s.kind()) {
            case REF -> n.put("$ref", prefix + s.ref());
            case ANY -> { }
            case ARRAY -> {
                n.put("type", "array").set("items", schema(Objects.requireNonNull(s.items())));
                if (s.unique()) {
                    n.put("uniqueItems", true);
                }
            }
            case MAP -> n.put("type", "object").set("additionalProperties", schema(Objects.requireNonNull(s.items())));
            case ENUM -> {
                ArrayNode values = n.put("type", "string").putArray("enum");
                s.values().forEach(values::add);
            }
            case OBJECT -> object(s, n);
            default -> {
                n.put("type", s.kind().json());
                if (s.format() != null) {
                    n.put("format", s.format());
                }
            }
        }
        return n;
    }

    private void object(Schema s, ObjectNode n) {
        n.put("type", "object");
        ObjectNode properties = n.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (Schema.Field f : s.fields()) {
            properties.set(f.name(), schema(f.schema()));
            if (f.required()) {
                required.add(f.name());
            }
        }
        if (!required.isEmpty()) {
            n.set("required", required);
        }
    }
}
