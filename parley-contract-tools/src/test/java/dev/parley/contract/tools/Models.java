package dev.parley.contract.tools;

import dev.parley.contract.InteractionStyle;
import dev.parley.contract.tools.Schema.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** Small edits of a model, for the checker's tests: each returns a changed copy. */
final class Models {

    private Models() {
    }

    static ApiModel version(ApiModel m, String version) {
        return new ApiModel(m.name(), version, m.kind(), m.operations(), m.types());
    }

    static ApiModel name(ApiModel m, String name) {
        return new ApiModel(name, m.version(), m.kind(), m.operations(), m.types());
    }

    /** Edits operation {@code name}; an edit that returns null removes it. */
    static ApiModel op(ApiModel m, String name, UnaryOperator<@Nullable OperationModel> edit) {
        List<OperationModel> ops = new ArrayList<>();
        for (OperationModel op : m.operations()) {
            OperationModel edited = op.name().equals(name) ? edit.apply(op) : op;
            if (edited != null) {
                ops.add(edited);
            }
        }
        return new ApiModel(m.name(), m.version(), m.kind(), ops, m.types());
    }

    static ApiModel addOp(ApiModel m, OperationModel op) {
        List<OperationModel> ops = new ArrayList<>(m.operations());
        ops.add(op);
        return new ApiModel(m.name(), m.version(), m.kind(), ops, m.types());
    }

    static ApiModel type(ApiModel m, String name, UnaryOperator<Schema> edit) {
        Map<String, Schema> types = new HashMap<>(m.types());
        types.put(name, edit.apply(types.get(name)));
        return new ApiModel(m.name(), m.version(), m.kind(), m.operations(), types);
    }

    /** Edits field {@code name} of a record type; an edit that returns null removes it. */
    static ApiModel field(ApiModel m, String type, String name, UnaryOperator<@Nullable Field> edit) {
        return type(m, type, s -> {
            List<Field> fields = new ArrayList<>();
            for (Field f : s.fields()) {
                Field edited = f.name().equals(name) ? edit.apply(f) : f;
                if (edited != null) {
                    fields.add(edited);
                }
            }
            return Schema.object(fields);
        });
    }

    static ApiModel addField(ApiModel m, String type, Field field) {
        return type(m, type, s -> {
            List<Field> fields = new ArrayList<>(s.fields());
            fields.add(field);
            return Schema.object(fields);
        });
    }

    /** Renames a named type everywhere it is referred to. */
    static ApiModel renameType(ApiModel m, String from, String to) {
        return ModelJson.read(ModelJson.write(m).replace("\"" + from + "\"", "\"" + to + "\""));
    }

    static OperationModel with(OperationModel o, InteractionStyle style) {
        return new OperationModel(o.name(), style, o.input(), o.output(), o.idempotent(), o.nonBlocking(),
                o.timeoutMillis(), o.errors());
    }

    static OperationModel withName(OperationModel o, String name) {
        return new OperationModel(name, o.style(), o.input(), o.output(), o.idempotent(), o.nonBlocking(),
                o.timeoutMillis(), o.errors());
    }

    static OperationModel withMessages(OperationModel o, @Nullable Schema input, @Nullable Schema output) {
        return new OperationModel(o.name(), o.style(), input, output, o.idempotent(), o.nonBlocking(),
                o.timeoutMillis(), o.errors());
    }

    static OperationModel withFlags(OperationModel o, boolean idempotent, boolean nonBlocking, @Nullable Long timeout) {
        return new OperationModel(o.name(), o.style(), o.input(), o.output(), idempotent, nonBlocking, timeout,
                o.errors());
    }

    static OperationModel withBindings(OperationModel o, Map<String, String> bindings) {
        return new OperationModel(o.name(), o.style(), o.input(), o.output(), o.idempotent(), o.nonBlocking(),
                o.timeoutMillis(), o.errors(), bindings);
    }

    static OperationModel withErrors(OperationModel o, List<String> errors) {
        return new OperationModel(o.name(), o.style(), o.input(), o.output(), o.idempotent(), o.nonBlocking(),
                o.timeoutMillis(), errors);
    }

    static Field required(Field f, boolean required) {
        return new Field(f.name(), f.schema(), required);
    }

    static Field retyped(Field f, Schema schema) {
        return new Field(f.name(), schema, f.required());
    }
}
