package dev.parley.contract;

import static java.util.Objects.requireNonNull;

import dev.parley.Contract;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A contract interface, read once and cached: its name, version and operations, each classified into one of
 * the five interaction styles. {@link #of(Class)} refuses a bad contract with an
 * {@link InvalidContractException} that names the interface, the method and the rule.
 */
public final class ContractDescriptor {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9.-]*");
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    private static final ClassValue<ContractDescriptor> CACHE = new ClassValue<>() {
        @Override
        protected ContractDescriptor computeValue(Class<?> type) {
            return read(type);
        }
    };

    /** Whether the contract is a service (called one-to-one) or a set of events (published one-to-many). */
    public enum Kind { SERVICE, EVENTS }

    private final Class<?> type;
    private final String name;
    private final int major;
    private final int minor;
    private final Kind kind;
    private final Map<String, OperationDescriptor> operations;
    private final String channel;

    private ContractDescriptor(Class<?> type, String name, int major, int minor, Kind kind,
            Map<String, OperationDescriptor> operations) {
        this.type = type;
        this.name = name;
        this.major = major;
        this.channel = name + ".v" + major;
        this.minor = minor;
        this.kind = kind;
        this.operations = operations;
    }

    /** The descriptor of {@code contractType}, read on first use and cached for the class's lifetime. */
    public static ContractDescriptor of(Class<?> contractType) {
        return CACHE.get(requireNonNull(contractType, "contractType"));
    }

    public Class<?> type() {
        return type;
    }

    public String name() {
        return name;
    }

    public int major() {
        return major;
    }

    public int minor() {
        return minor;
    }

    /** {@code major.minor}. */
    public String version() {
        return major + "." + minor;
    }

    public Kind kind() {
        return kind;
    }

    /** The channel a transport uses for this contract: {@code name.v{major}}; minors share it. */
    public String channel() {
        return channel; // made once: transports ask for it on every message
    }

    public Collection<OperationDescriptor> operations() {
        return operations.values();
    }

    /** The operation called {@code name}, or {@code null}. */
    public @Nullable OperationDescriptor operation(String operationName) {
        return operations.get(operationName);
    }

    /** The operation a contract method stands for, or {@code null} for a default or static method. */
    public @Nullable OperationDescriptor operation(Method method) {
        OperationDescriptor op = operations.get(method.getName());
        return op != null && op.method().equals(method) ? op : null;
    }

    @Override
    public String toString() {
        return name + " " + version() + " (" + type.getName() + ")";
    }

    private static ContractDescriptor read(Class<?> type) {
        String where = type.getName();
        if (!type.isInterface() || type.isAnnotation()) {
            throw new InvalidContractException(where + ": a contract must be an interface");
        }
        Contract contract = type.getAnnotation(Contract.class);
        if (contract == null) {
            throw new InvalidContractException(where + ": a contract interface must be annotated @Contract");
        }
        if (type.getTypeParameters().length > 0) {
            throw new InvalidContractException(where + ": a contract interface must not be generic");
        }
        if (!NAME.matcher(contract.name()).matches()) {
            throw new InvalidContractException(where + ": @Contract name '" + contract.name()
                    + "' must match " + NAME.pattern());
        }
        var version = VERSION.matcher(contract.version());
        if (!version.matches()) {
            throw new InvalidContractException(where + ": @Contract version '" + contract.version()
                    + "' must be major.minor, e.g. 1.0");
        }
        Map<String, OperationDescriptor> ops = readOperations(type);
        Kind kind = kindOf(type, ops.values());
        if (kind == Kind.SERVICE) {
            // The HTTP mapping belongs to the contract: a bad one is refused here, like any other rule.
            dev.parley.http.HttpRoute.read(type, contract.name(), Integer.parseInt(version.group(1)), ops.values());
        }
        return new ContractDescriptor(type, contract.name(), Integer.parseInt(version.group(1)),
                Integer.parseInt(version.group(2)), kind, Map.copyOf(ops));
    }

    private static Map<String, OperationDescriptor> readOperations(Class<?> type) {
        Map<String, OperationDescriptor> ops = new LinkedHashMap<>();
        for (Method m : OperationReader.operationMethods(type)) {
            OperationDescriptor earlier = ops.get(m.getName());
            if (earlier != null) {
                throw new InvalidContractException(OperationReader.where(type, m) + ": operation name '"
                        + m.getName() + "' is overloaded (also " + earlier.method().toGenericString()
                        + "); operation names must be unique within a contract");
            }
            ops.put(m.getName(), OperationReader.read(type, m));
        }
        if (ops.isEmpty()) {
            throw new InvalidContractException(type.getName() + ": a contract needs at least one operation");
        }
        return ops;
    }

    private static Kind kindOf(Class<?> type, Collection<OperationDescriptor> ops) {
        List<OperationDescriptor> published = ops.stream().filter(o -> o.style().isOneToMany()).toList();
        if (published.isEmpty()) {
            return Kind.SERVICE;
        }
        if (published.size() == ops.size()) {
            return Kind.EVENTS;
        }
        OperationDescriptor other = ops.stream().filter(o -> !o.style().isOneToMany()).findFirst().orElseThrow();
        throw new InvalidContractException(OperationReader.where(type, other.method())
                + ": a contract is either all @Publish operations or none; '" + other.name()
                + "' is not @Publish but '" + published.getFirst().name()
                + "' is; split them into a service contract and an events contract");
    }
}
