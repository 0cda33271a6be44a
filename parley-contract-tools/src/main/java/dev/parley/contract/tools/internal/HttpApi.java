package dev.parley.contract.tools.internal;

import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.InteractionStyle;
import dev.parley.contract.tools.ApiModel;
import dev.parley.contract.tools.OperationModel;
import dev.parley.contract.tools.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP API as read from an OpenAPI document: what the model holds, plus where each part of a request travels
 * (which the generator needs to write the mapping annotations).
 *
 * @param name the contract's name
 * @param version {@code major.minor}
 * @param operations the operations Parley can express
 * @param types the named schemas
 * @param skipped operations that cannot be expressed, each with the reason ({@code GET /pets: ...})
 * @param notes places where something was read as less than the document says (e.g. {@code oneOf} as any)
 */
public record HttpApi(String name, String version, List<Op> operations, Map<String, Schema> types,
        List<String> skipped, List<String> notes) {

    /** One parameter outside the body. */
    public record Param(String wire, String component, String in, Schema schema, boolean required) {
    }

    /**
     * One operation.
     *
     * @param path the path as Parley's annotation holds it (without the {@code /v{major}} prefix)
     * @param body the request body's schema, or null
     * @param output the success reply's schema, or null
     */
    public record Op(String name, String method, String path, InteractionStyle style, List<Param> params,
            @Nullable Schema body, @Nullable Schema output, boolean idempotent, @Nullable Long timeoutMillis,
            List<String> errors) {

        /** The operation's single input as Parley sees it: the parameters and the body's fields in one record. */
        @Nullable Schema input(Map<String, Schema> types) {
            if (params.isEmpty()) {
                return body;
            }
            List<Schema.Field> fields = new ArrayList<>();
            for (Param p : params) {
                fields.add(new Schema.Field(p.component(), p.schema(), p.required()));
            }
            if (body != null) {
                fields.addAll(bodyFields(body, types));
            }
            return Schema.object(fields);
        }
    }

    /** The fields of a body that shares a record with parameters; null when the body is not an object. */
    static List<Schema.Field> bodyFields(Schema body, Map<String, Schema> types) {
        Schema s = body;
        for (int i = 0; s.kind() == Schema.Kind.REF && i < 64; i++) {
            s = types.get(s.ref());
        }
        if (s == null || s.kind() != Schema.Kind.OBJECT) {
            throw new IllegalArgumentException("the body is " + body.describe() + ", not an object whose properties"
                    + " can join the path, query and header parameters in one record");
        }
        return s.fields();
    }

    public ApiModel model() {
        List<OperationModel> ops = new ArrayList<>();
        for (Op op : operations) {
            ops.add(new OperationModel(op.name(), op.style(), op.input(types), op.output(), op.idempotent(), false,
                    op.timeoutMillis(), op.errors(), Map.of("http", op.method() + " " + op.path())));
        }
        return new ApiModel(name, version, ContractDescriptor.Kind.SERVICE, ops, types);
    }
}
