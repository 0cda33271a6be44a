package dev.parley.transport.http.internal;

import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.http.HttpRoute;
import io.netty.handler.codec.http.HttpHeaders;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where each component of a parameter record travels on one route, and how to take a record apart into a
 * request (client) and put it together from one (server).
 */
final class Binding {

    private final HttpRoute route;
    private final RecordComponent[] components;
    private final Method[] accessors;
    private final Constructor<?> constructor;

    private Binding(HttpRoute route, Class<?> record) {
        this.route = route;
        this.components = record.getRecordComponents();
        this.accessors = new Method[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
            types[i] = components[i].getType();
        }
        try {
            constructor = record.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(record + " has no canonical constructor", e);
        }
    }

    /** The binding of a route whose parameter is split across path, query and headers; null when it is not. */
    static @Nullable Binding of(HttpRoute route) {
        Class<?> record = route.parameterRecord();
        return record == null ? null : new Binding(route, record);
    }

    /** What a client puts in the request line and headers, taken from the argument. */
    record Parts(String path, String query, Map<String, String> headers) {
    }

    /** Takes {@code arg} apart: the path with its variables filled, the query string, the headers. */
    Parts split(Object arg) {
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        Map<String, String> vars = new java.util.HashMap<>();
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            Object value = get(i, arg);
            if (route.pathParams().contains(name)) {
                if (value == null) {
                    throw new ParleyException(Status.INVALID_ARGUMENT, "path variable '" + name + "' of "
                            + route.operation() + " is null");
                }
                vars.put(name, Values.format(value));
            } else if (value != null && route.queryParams().containsKey(name)) {
                query.append(query.isEmpty() ? '?' : '&').append(Paths.encodeQuery(route.queryParams().get(name)))
                        .append('=').append(Paths.encodeQuery(Values.format(value)));
            } else if (value != null && route.headerParams().containsKey(name)) {
                headers.put(route.headerParams().get(name), Values.format(value));
            }
        }
        return new Parts(Paths.expand(route.template(), vars), query.toString(), headers);
    }

    /**
     * Puts the argument together on the server: components from the body record (when there is one), then
     * those of the path, the query and the headers.
     */
    Object build(Map<String, String> pathVars, Map<String, List<String>> query, HttpHeaders headers,
            @Nullable Object fromBody) {
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String name = c.getName();
            Class<?> type = c.getType();
            if (route.pathParams().contains(name)) {
                args[i] = Values.parse(pathVars.get(name), type, "path variable '" + name + "'");
            } else if (route.queryParams().containsKey(name)) {
                String q = route.queryParams().get(name);
                List<String> values = query.get(q);
                args[i] = Values.parse(values == null || values.isEmpty() ? null : values.getFirst(), type,
                        "query parameter '" + q + "'");
            } else if (route.headerParams().containsKey(name)) {
                String h = route.headerParams().get(name);
                args[i] = Values.parse(headers.get(h), type, "header '" + h + "'");
            } else {
                args[i] = fromBody == null ? (type.isPrimitive() ? Values.parse(null, type, name) : null)
                        : get(i, fromBody);
            }
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ParleyException(Status.INVALID_ARGUMENT, "the parameter of " + route.operation()
                    + " refused these values: " + (cause == null ? e : cause.getMessage()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private @Nullable Object get(int i, Object record) {
        try {
            return accessors[i].invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
