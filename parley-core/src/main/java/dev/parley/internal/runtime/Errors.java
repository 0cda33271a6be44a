package dev.parley.internal.runtime;

import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.contract.OperationDescriptor;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns failures into error replies and error replies back into exceptions. An error reply carries the
 * status and, for a declared exception, its identifier in headers; the body is the message as UTF-8 text,
 * whatever the codec, so an error can always be read.
 */
public final class Errors {

    /** The status a declared contract exception travels with. */
    public static final Status DECLARED_EXCEPTION_STATUS = Status.FAILED_PRECONDITION;

    static final String TEXT = "text/plain; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {
    }

    /** The error reply for {@code failure} while handling {@code request}. */
    public static Message reply(Message request, Throwable failure, @Nullable OperationDescriptor op) {
        Throwable t = unwrap(failure);
        Headers h = replyHeaders(request, TEXT);
        Class<?> declared = op == null ? null : declaredAs(op, t);
        String text;
        if (t instanceof ParleyException p) {
            h = h.with(HeaderNames.STATUS, p.status().name());
            text = p.detail();
        } else if (declared != null) {
            h = h.with(HeaderNames.STATUS, DECLARED_EXCEPTION_STATUS.name())
                    .with(HeaderNames.ERROR_TYPE, OperationDescriptor.errorId(declared));
            text = String.valueOf(t.getMessage());
        } else {
            // Anything else stays on the server: the caller learns that it failed, not how.
            String where = request.header(HeaderNames.CONTRACT) + "." + request.header(HeaderNames.OPERATION);
            String id = request.header(HeaderNames.MESSAGE_ID);
            LOG.warn("handler of {} failed (message {})", where, id, t);
            h = h.with(HeaderNames.STATUS, Status.INTERNAL.name());
            text = "the handler of " + where + " failed (message " + id + "; see the server log)";
        }
        return Message.of(h, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A reply with status {@code status} and {@code text}. */
    public static Message reply(Message request, Status status, String text) {
        return reply(request, new ParleyException(status, text), null);
    }

    /** Headers every reply to {@code request} starts from. */
    public static Headers replyHeaders(Message request) {
        String id = request.header(HeaderNames.MESSAGE_ID);
        return id == null ? Headers.empty() : Headers.of(HeaderNames.CORRELATION_ID, id);
    }

    /** {@link #replyHeaders} with the body's media type, made in one go (every successful reply has both). */
    static Headers replyHeaders(Message request, String mediaType) {
        String id = request.header(HeaderNames.MESSAGE_ID);
        return id == null ? Headers.of(HeaderNames.CONTENT_TYPE, mediaType)
                : Headers.of(HeaderNames.CORRELATION_ID, id, HeaderNames.CONTENT_TYPE, mediaType);
    }

    /** The exception an error reply stands for: the declared type when it is one, else a ParleyException. */
    public static Throwable toException(Message reply, @Nullable OperationDescriptor op) {
        Status status = reply.status();
        String text = new String(reply.body(), StandardCharsets.UTF_8);
        String type = reply.header(HeaderNames.ERROR_TYPE);
        if (type != null && op != null) {
            Class<? extends Throwable> declared = op.declaredException(type);
            if (declared != null) {
                Throwable t = instantiate(declared, text);
                if (t != null) {
                    return t;
                }
            }
        }
        return new ParleyException(status, text);
    }

    /** The failure a stage or call ended with, as it should reach the caller. */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException
                || c instanceof InvocationTargetException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof CancellationException) {
            return new ParleyException(Status.CANCELLED, "the call was cancelled");
        }
        if (c instanceof java.util.concurrent.TimeoutException) {
            return new ParleyException(Status.DEADLINE_EXCEEDED, "no answer within the deadline");
        }
        return c;
    }

    private static @Nullable Class<?> declaredAs(OperationDescriptor op, Throwable t) {
        for (Class<? extends Throwable> d : op.declaredExceptions()) {
            if (d.isInstance(t)) {
                return d;
            }
        }
        return null;
    }

    private static @Nullable Throwable instantiate(Class<? extends Throwable> type, String message) {
        try {
            var constructor = type.getDeclaredConstructor(String.class);
            constructor.setAccessible(true);
            return constructor.newInstance(message);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
