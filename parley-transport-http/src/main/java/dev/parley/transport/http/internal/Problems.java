package dev.parley.transport.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.Status;
import dev.parley.contract.OperationDescriptor;
import dev.parley.http.HttpStatus;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * RFC 9457 problem details: Parley statuses as HTTP statuses and {@code application/problem+json} bodies,
 * and back. The Parley status travels in the body ({@code parleyStatus}), so the client gets the exact status
 * back even where two statuses share an HTTP code.
 */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    /** The stable prefix of every problem type URI Parley writes. */
    static final String TYPE_BASE = "https://parley.dev/problems/";
    static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    /** A problem, before it is written. */
    record Problem(int httpStatus, Status status, String detail, @Nullable String errorType, @Nullable String contract) {

        /** {@code https://parley.dev/problems/invalid-argument}, or for a declared exception of a contract
         * {@code https://parley.dev/problems/trips/TripNotFound}. */
        String type() {
            return errorType != null && contract != null ? TYPE_BASE + contract + "/" + errorType
                    : TYPE_BASE + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        byte[] json() {
            ObjectNode o = JSON.createObjectNode();
            o.put("type", type());
            o.put("title", errorType != null ? errorType : title(status, httpStatus));
            o.put("status", httpStatus);
            o.put("detail", detail);
            o.put("parleyStatus", status.name());
            if (errorType != null) {
                o.put("errorType", errorType);
            }
            try {
                return JSON.writeValueAsBytes(o);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The problem an error reply stands for. */
    static Problem of(Message reply, OperationDescriptor op, String contract) {
        Status status = reply.status();
        String errorType = reply.header(HeaderNames.ERROR_TYPE);
        String detail = new String(reply.body(), StandardCharsets.UTF_8);
        int code = httpStatus(status);
        if (errorType != null) {
            Class<? extends Throwable> declared = op.declaredException(errorType);
            HttpStatus annotated = declared == null ? null : declared.getAnnotation(HttpStatus.class);
            code = annotated != null ? annotated.value() : 422;
        }
        return new Problem(code, status, detail, errorType, contract);
    }

    static Problem of(int httpStatus, Status status, String detail) {
        return new Problem(httpStatus, status, detail, null, null);
    }

    /** The HTTP status a Parley status is answered with (docs/rest.md, Errors). */
    static int httpStatus(Status status) {
        return switch (status) {
            case OK -> 200;
            case CANCELLED -> 499;
            case INVALID_ARGUMENT, OUT_OF_RANGE -> 400;
            case UNAUTHENTICATED -> 401;
            case PERMISSION_DENIED -> 403;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, ABORTED -> 409;
            case FAILED_PRECONDITION -> 422;
            case UNIMPLEMENTED -> 501;
            case RESOURCE_EXHAUSTED, UNAVAILABLE -> 503;
            case DEADLINE_EXCEEDED -> 504;
            case UNKNOWN, INTERNAL, DATA_LOSS -> 500;
        };
    }

    /** The Parley status of an HTTP status that came without a problem body (a proxy's page, say). */
    static Status status(int httpStatus) {
        return switch (httpStatus) {
            case 400, 411, 414, 415, 406, 431 -> Status.INVALID_ARGUMENT;
            case 401 -> Status.UNAUTHENTICATED;
            case 403 -> Status.PERMISSION_DENIED;
            case 404, 405, 501 -> Status.UNIMPLEMENTED;
            case 409 -> Status.ABORTED;
            case 412, 422 -> Status.FAILED_PRECONDITION;
            case 413, 429 -> Status.RESOURCE_EXHAUSTED;
            case 499 -> Status.CANCELLED;
            case 502, 503 -> Status.UNAVAILABLE;
            case 504, 408 -> Status.DEADLINE_EXCEEDED;
            default -> httpStatus >= 200 && httpStatus < 300 ? Status.OK : Status.UNKNOWN;
        };
    }

    /**
     * The error reply a non-2xx response stands for: status and error type from a problem body when there is
     * one, else from the HTTP status; the body is the detail as text, as every Parley error reply.
     */
    static Message toReply(int httpStatus, @Nullable String contentType, byte[] body, Headers base) {
        Status status = status(httpStatus);
        String detail = "HTTP " + httpStatus;
        String errorType = null;
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(MEDIA_TYPE)) {
            try {
                JsonNode n = JSON.readTree(body);
                JsonNode s = n.get("parleyStatus");
                if (s != null && s.isTextual()) {
                    status = Status.parse(s.asText());
                }
                JsonNode d = n.get("detail");
                if (d != null && d.isTextual()) {
                    detail = d.asText();
                }
                JsonNode e = n.get("errorType");
                if (e != null && e.isTextual()) {
                    errorType = e.asText();
                }
            } catch (IOException e) {
                detail = "HTTP " + httpStatus + " with a problem body that is not JSON";
            }
        } else if (body.length > 0 && body.length < 1024) {
            detail = "HTTP " + httpStatus + ": " + new String(body, StandardCharsets.UTF_8);
        }
        if (status == Status.OK) {
            status = Status.UNKNOWN;
        }
        Headers h = base.with(HeaderNames.STATUS, status.name()).with(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        if (errorType != null) {
            h = h.with(HeaderNames.ERROR_TYPE, errorType);
        }
        return Message.of(h, detail.getBytes(StandardCharsets.UTF_8));
    }

    private static String title(Status status, int httpStatus) {
        String reason = HttpResponseStatus.valueOf(httpStatus).reasonPhrase();
        return reason.startsWith("Unknown") ? status.name() : reason;
    }
}
