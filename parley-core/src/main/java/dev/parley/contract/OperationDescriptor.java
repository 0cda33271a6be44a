package dev.parley.contract;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One operation of a contract, read from its method.
 *
 * @param name the operation's name on the wire (the method name)
 * @param method the contract method
 * @param style the interaction style its shape gives
 * @param parameterType the body type sent, or {@code null} for an operation without a parameter
 * @param resultType the value type of a reply ({@code Void.class} when there is none); for
 *        publish/async-response, the type of each reply
 * @param async whether the method returns a {@code CompletionStage} rather than the value itself
 * @param idempotent whether the operation is marked {@link dev.parley.Idempotent}
 * @param nonBlocking whether the implementation promises never to block ({@link dev.parley.NonBlocking})
 * @param timeout the deadline the contract gives the operation ({@link dev.parley.Timeout}), or {@code null}
 * @param declaredExceptions the exceptions that cross the wire as themselves
 * @param handle the interface method as a handle: {@code (Contract, [arg]) -> return}
 */
public record OperationDescriptor(
        String name,
        Method method,
        InteractionStyle style,
        @Nullable Type parameterType,
        Type resultType,
        boolean async,
        boolean idempotent,
        boolean nonBlocking,
        @Nullable Duration timeout,
        List<Class<? extends Throwable>> declaredExceptions,
        MethodHandle handle) {

    /** The declared exception whose wire identifier is {@code id}, or {@code null}. */
    public @Nullable Class<? extends Throwable> declaredException(String id) {
        for (Class<? extends Throwable> type : declaredExceptions) {
            if (errorId(type).equals(id)) {
                return type;
            }
        }
        return null;
    }

    /**
     * The identifier a declared exception travels under: its simple name. The receiver only ever matches
     * it against the operation's own declared list; no class is looked up from the wire.
     */
    public static String errorId(Class<?> exceptionType) {
        return exceptionType.getSimpleName();
    }

    @Override
    public String toString() {
        return name + " (" + style + ")";
    }
}
