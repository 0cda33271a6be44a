package dev.parley.contract.tools.internal;

import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.InteractionStyle;
import dev.parley.contract.OperationDescriptor;
import dev.parley.contract.tools.ApiModel;
import dev.parley.contract.tools.OperationModel;
import dev.parley.contract.tools.Schema;
import dev.parley.http.HttpRoute;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads a {@link ContractDescriptor} and its message types (by reflection on records) into an {@link ApiModel}. */
public final class JavaModelReader {

    private JavaModelReader() {
    }

    public static ApiModel read(ContractDescriptor contract) {
        JavaTypes types = new JavaTypes();
        List<OperationModel> ops = new ArrayList<>();
        Map<String, HttpRoute> routes = contract.kind() == ContractDescriptor.Kind.SERVICE ? HttpRoute.of(contract)
                : Map.of();
        for (OperationDescriptor op : contract.operations()) {
            HttpRoute route = routes.get(op.name());
            ops.add(new OperationModel(op.name(), op.style(), input(types, op.parameterType()),
                    output(types, op.style(), op.resultType()), op.idempotent(), op.nonBlocking(),
                    op.timeout() == null ? null : op.timeout().toMillis(),
                    op.declaredExceptions().stream().map(OperationDescriptor::errorId).toList(),
                    route == null ? Map.of() : Map.of("http", httpBinding(route, contract.major()))));
        }
        return new ApiModel(contract.name(), contract.version(), contract.kind(), ops, types.named());
    }

    /**
     * How an operation is reached over HTTP, as the model compares it: {@code GET /trips/{id}} for a resource
     * (its template as annotated, without the {@code /v{major}} every resource is served under), the whole path
     * for an operation without a method annotation ({@code POST /trips/v1/get}).
     */
    public static String httpBinding(HttpRoute route, int major) {
        String prefix = "/v" + major;
        String path = route.resource() && route.template().startsWith(prefix + "/")
                ? route.template().substring(prefix.length()) : route.template();
        return route.method() + " " + path;
    }

    private static @Nullable Schema input(JavaTypes types, @Nullable Type parameter) {
        return parameter == null ? null : types.schema(parameter);
    }

    private static @Nullable Schema output(JavaTypes types, InteractionStyle style, Type result) {
        if (result == void.class || result == Void.class || style == InteractionStyle.NOTIFICATION
                || style == InteractionStyle.PUBLISH_SUBSCRIBE) {
            return null;
        }
        return types.schema(result);
    }
}
