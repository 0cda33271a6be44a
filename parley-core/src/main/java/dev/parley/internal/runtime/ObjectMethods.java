package dev.parley.internal.runtime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;

/** What a stub proxy answers for {@code Object}'s methods and the contract's default methods. */
final class ObjectMethods {

    private ObjectMethods() {
    }

    static @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args, String description)
            throws Throwable {
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args == null ? new Object[0] : args);
        }
        return switch (method.getName()) {
            case "toString" -> description;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> args != null && proxy == args[0];
            default -> throw new UnsupportedOperationException(method.toGenericString());
        };
    }
}
