package dev.parley.contract;

import dev.parley.Idempotent;
import dev.parley.NonBlocking;
import dev.parley.OneWay;
import dev.parley.ParleyException;
import dev.parley.Publish;
import dev.parley.Replies;
import dev.parley.Timeout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/** Reads one contract method into an {@link OperationDescriptor}, enforcing the shape rules. */
final class OperationReader {

    private OperationReader() {
    }

    /** The abstract methods of the interface and its super-interfaces, in a stable order. */
    static List<Method> operationMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (!m.isDefault() && !Modifier.isStatic(m.getModifiers())) {
                methods.add(m);
            }
        }
        methods.sort(Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        return methods;
    }

    static String where(Class<?> type, Method m) {
        return type.getName() + "." + m.getName();
    }

    static OperationDescriptor read(Class<?> type, Method m) {
        String where = where(type, m);
        if (m.getTypeParameters().length > 0) {
            throw refuse(where, "generic methods are not allowed (" + Arrays.toString(m.getTypeParameters())
                    + "): a contract's types must be concrete");
        }
        boolean oneWay = m.isAnnotationPresent(OneWay.class);
        boolean publish = m.isAnnotationPresent(Publish.class);
        if (oneWay && publish) {
            throw refuse(where, "@OneWay and @Publish cannot both be set; pick one style");
        }
        Type param = parameter(where, m, publish);
        checkReturnTypeAccessible(type, where, m);
        Type ret = m.getGenericReturnType();
        Shape shape = publish ? publishShape(where, ret) : oneWay ? oneWayShape(where, ret) : requestShape(where, ret);
        if (shape.result != Void.class) {
            checkConcrete(where, "return type", shape.result);
        }
        return new OperationDescriptor(m.getName(), m, shape.style, param, shape.result, shape.async,
                m.isAnnotationPresent(Idempotent.class),
                m.isAnnotationPresent(NonBlocking.class) || type.isAnnotationPresent(NonBlocking.class),
                timeout(where, m, type), exceptions(where, m), handle(where, m));
    }

    /**
     * A stub of a public contract is a class in another module; it can only return what it may see. Caught
     * here instead of as an IllegalAccessError on the first call.
     */
    private static void checkReturnTypeAccessible(Class<?> type, String where, Method m) {
        Class<?> ret = m.getReturnType();
        if (Modifier.isPublic(type.getModifiers()) && !ret.isPrimitive() && !ret.isArray()
                && !Modifier.isPublic(ret.getModifiers())) {
            throw refuse(where, "returns " + ret.getName() + ", which is not public; the types a public contract"
                    + " returns must be public too");
        }
    }

    private static @Nullable Duration timeout(String where, Method m, Class<?> type) {
        Timeout t = m.getAnnotation(Timeout.class);
        if (t == null) {
            t = type.getAnnotation(Timeout.class);
        }
        if (t == null) {
            return null;
        }
        if (t.millis() <= 0) {
            throw refuse(where, "@Timeout(millis = " + t.millis() + ") must be more than zero");
        }
        return Duration.ofMillis(t.millis());
    }

    private record Shape(InteractionStyle style, Type result, boolean async) {
    }

    private static @Nullable Type parameter(String where, Method m, boolean publish) {
        Type[] params = m.getGenericParameterTypes();
        if (params.length > 1) {
            throw refuse(where, "takes " + params.length
                    + " parameters; an operation takes at most one (wrap several in a record)");
        }
        if (params.length == 0) {
            if (publish) {
                throw refuse(where, "@Publish needs exactly one parameter: the event");
            }
            return null;
        }
        checkConcrete(where, "parameter", params[0]);
        Class<?> raw = rawType(params[0]);
        if (Future.class.isAssignableFrom(raw) || CompletionStage.class.isAssignableFrom(raw)
                || raw == Replies.class) {
            throw refuse(where, "a parameter cannot be a " + raw.getSimpleName() + "; pass the value itself");
        }
        return params[0];
    }

    private static Shape publishShape(String where, Type ret) {
        if (ret == void.class) {
            return new Shape(InteractionStyle.PUBLISH_SUBSCRIBE, Void.class, false);
        }
        Class<?> raw = rawType(ret);
        if (raw == Replies.class) {
            return new Shape(InteractionStyle.PUBLISH_ASYNC_RESPONSE, typeArgument(where, ret, "Replies"), false);
        }
        if (raw == CompletableFuture.class || raw == CompletionStage.class) {
            Type inner = typeArgument(where, ret, raw.getSimpleName());
            if (rawType(inner) == Replies.class) {
                return new Shape(InteractionStyle.PUBLISH_ASYNC_RESPONSE, typeArgument(where, inner, "Replies"), true);
            }
        }
        throw refuse(where, "@Publish must return void (publish/subscribe) or Replies<R> "
                + "(publish/async-response), found " + ret.getTypeName());
    }

    private static Shape oneWayShape(String where, Type ret) {
        if (ret != void.class) {
            throw refuse(where, "@OneWay must return void (a notification has no reply), found " + ret.getTypeName());
        }
        return new Shape(InteractionStyle.NOTIFICATION, Void.class, false);
    }

    private static Shape requestShape(String where, Type ret) {
        Class<?> raw = rawType(ret);
        if (raw == Replies.class) {
            throw refuse(where, "returns Replies<R> but is not @Publish; many replies need a published request");
        }
        if (raw == CompletableFuture.class || raw == CompletionStage.class) {
            Type inner = typeArgument(where, ret, raw.getSimpleName());
            return new Shape(InteractionStyle.REQUEST_ASYNC_RESPONSE, boxed(inner), true);
        }
        if (Future.class.isAssignableFrom(raw) || CompletionStage.class.isAssignableFrom(raw)) {
            throw refuse(where, "returns " + raw.getSimpleName()
                    + "; an asynchronous reply is a CompletableFuture<R> or CompletionStage<R>");
        }
        return new Shape(InteractionStyle.REQUEST_RESPONSE, boxed(ret), false);
    }

    private static Type typeArgument(String where, Type type, String what) {
        if (!(type instanceof ParameterizedType p)) {
            throw refuse(where, "raw " + what + ": say what it completes with, e.g. " + what + "<Trip>");
        }
        Type arg = p.getActualTypeArguments()[0];
        if (arg instanceof WildcardType) {
            throw refuse(where, what + "<" + arg.getTypeName() + ">: a wildcard carries no schema; name the type");
        }
        return arg;
    }

    private static Type boxed(Type t) {
        return t == void.class ? Void.class : t;
    }

    /** Refuses Object, type variables, wildcards and raw generic types anywhere in {@code t}. */
    private static void checkConcrete(String where, String role, Type t) {
        if (t == Object.class) {
            throw refuse(where, "the " + role + " is Object, which carries no schema; use a concrete type");
        }
        if (t instanceof TypeVariable<?> v) {
            throw refuse(where, "the " + role + " uses type variable " + v.getName() + "; use a concrete type");
        }
        if (t instanceof WildcardType w) {
            throw refuse(where, "the " + role + " uses wildcard " + w.getTypeName() + "; use a concrete type");
        }
        if (t instanceof ParameterizedType p) {
            for (Type a : p.getActualTypeArguments()) {
                checkConcrete(where, role, a);
            }
        } else if (t instanceof GenericArrayType g) {
            checkConcrete(where, role, g.getGenericComponentType());
        } else if (t instanceof Class<?> c && c.getTypeParameters().length > 0) {
            throw refuse(where, "the " + role + " is raw " + c.getSimpleName() + "; give its type arguments");
        }
    }

    private static List<Class<? extends Throwable>> exceptions(String where, Method m) {
        List<Class<? extends Throwable>> declared = new ArrayList<>();
        for (Class<?> e : m.getExceptionTypes()) {
            if (ParleyException.class.isAssignableFrom(e)) {
                continue; // travels as a status already
            }
            @SuppressWarnings("unchecked")
            Class<? extends Throwable> t = (Class<? extends Throwable>) e;
            try {
                t.getDeclaredConstructor(String.class).setAccessible(true);
            } catch (NoSuchMethodException | RuntimeException x) {
                throw refuse(where, "declared exception " + t.getName()
                        + " needs a constructor taking the message (String) to cross the wire");
            }
            for (Class<? extends Throwable> other : declared) {
                if (OperationDescriptor.errorId(other).equals(OperationDescriptor.errorId(t))) {
                    throw refuse(where, "declared exceptions " + other.getName() + " and " + t.getName()
                            + " share a simple name; it identifies them on the wire");
                }
            }
            declared.add(t);
        }
        return List.copyOf(declared);
    }

    private static MethodHandle handle(String where, Method m) {
        try {
            m.setAccessible(true);
            return MethodHandles.lookup().unreflect(m);
        } catch (IllegalAccessException | RuntimeException e) {
            throw refuse(where, "cannot be called by Parley: " + e.getMessage());
        }
    }

    static Class<?> rawType(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static InvalidContractException refuse(String where, String rule) {
        return new InvalidContractException(where + ": " + rule);
    }
}
