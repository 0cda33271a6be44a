package dev.parley.contract.tools;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.contract.InteractionStyle;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One operation of a contract as the model sees it.
 *
 * @param name the operation's name on the wire
 * @param style its interaction style
 * @param input the message sent, or {@code null} for an operation without a parameter
 * @param output the reply (for publish/async-response, each reply), or {@code null} when there is none
 * @param idempotent whether a client may send it again without harm
 * @param nonBlocking whether the implementation promises never to block (a server-side matter)
 * @param timeoutMillis the deadline the contract gives the operation, or {@code null} for the client's
 * @param errors the identifiers of the declared exceptions, sorted
 * @param bindings how the operation maps onto a transport, by binding: e.g. {@code http} to
 *        {@code GET /trips/{id}}. Empty for a model read from a Java contract today; the HTTP binding and the
 *        OpenAPI reader fill it, and the checker compares it ({@code binding-*} rules)
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record OperationModel(
        String name,
        InteractionStyle style,
        @Nullable Schema input,
        @Nullable Schema output,
        boolean idempotent,
        boolean nonBlocking,
        @Nullable Long timeoutMillis,
        List<String> errors,
        Map<String, String> bindings) {

    public OperationModel {
        requireNonNull(name, "name");
        requireNonNull(style, "style");
        errors = errors == null ? List.of() : errors.stream().sorted().toList();
        bindings = bindings == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(bindings));
    }

    /** Without transport bindings. */
    public OperationModel(String name, InteractionStyle style, @Nullable Schema input, @Nullable Schema output,
            boolean idempotent, boolean nonBlocking, @Nullable Long timeoutMillis, List<String> errors) {
        this(name, style, input, output, idempotent, nonBlocking, timeoutMillis, errors, Map.of());
    }
}
