package dev.parley.contract.tools;

import static java.util.Objects.requireNonNull;

import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.tools.internal.JavaModelReader;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A contract's API surface, neutral of where it was read from (a Java contract today; an OpenAPI or AsyncAPI
 * document later) and serializable as JSON ({@link ModelJson}): what the compatibility checker compares and the
 * exporters write.
 *
 * @param name the contract's name
 * @param version {@code major.minor}
 * @param kind a service (called one-to-one) or a set of events (published one-to-many)
 * @param operations the operations, sorted by name
 * @param types the named message types (records and enums) the operations refer to, by name
 */
public record ApiModel(
        String name,
        String version,
        ContractDescriptor.Kind kind,
        List<OperationModel> operations,
        Map<String, Schema> types) {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    public ApiModel {
        requireNonNull(name, "name");
        requireNonNull(kind, "kind");
        if (!VERSION.matcher(requireNonNull(version, "version")).matches()) {
            throw new IllegalArgumentException("version: '" + version + "' (expected: major.minor, e.g. 1.0)");
        }
        operations = operations == null ? List.of()
                : operations.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
        types = types == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(types));
        for (OperationModel op : operations) {
            refsResolve(op.input(), types, op.name() + ".input");
            refsResolve(op.output(), types, op.name() + ".output");
        }
        for (Map.Entry<String, Schema> e : types.entrySet()) {
            refsResolve(e.getValue(), types, e.getKey());
        }
    }

    /** A reference to a type the model lacks is refused up front, naming where it is. */
    private static void refsResolve(@Nullable Schema s, Map<String, Schema> types, String where) {
        if (s == null) {
            return;
        }
        if (s.kind() == Schema.Kind.REF && !types.containsKey(s.ref())) {
            throw new IllegalArgumentException(where + ": refers to '" + s.ref() + "', which is not among the types "
                    + types.keySet());
        }
        refsResolve(s.items(), types, where + "[]");
        for (Schema.Field f : s.fields()) {
            refsResolve(f.schema(), types, where + "." + f.name());
        }
    }

    /** The model of a Java contract interface. */
    public static ApiModel of(Class<?> contract) {
        return JavaModelReader.read(ContractDescriptor.of(contract));
    }

    public int major() {
        return part(1);
    }

    public int minor() {
        return part(2);
    }

    /** The operation called {@code name}, or {@code null}. */
    public @Nullable OperationModel operation(String operationName) {
        for (OperationModel op : operations) {
            if (op.name().equals(operationName)) {
                return op;
            }
        }
        return null;
    }

    /** The named type {@code schema} refers to, or {@code schema} itself when it is not a reference. */
    public Schema resolve(Schema schema) {
        if (schema.kind() != Schema.Kind.REF) {
            return schema;
        }
        Schema named = types.get(schema.ref());
        if (named == null) {
            throw new IllegalStateException(name + " " + version + ": no type named '" + schema.ref() + "'");
        }
        return named;
    }

    @Override
    public String toString() {
        return name + " " + version;
    }

    private int part(int group) {
        Matcher m = VERSION.matcher(version);
        m.matches();
        return Integer.parseInt(m.group(group));
    }
}
