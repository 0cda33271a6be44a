package dev.parley.transport.http.internal;

import dev.parley.Status;
import dev.parley.http.HttpRoute;
import dev.parley.message.HeaderNames;
import dev.parley.message.Message;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** HTTP responses for replies: status codes, problem+json, Location, ETag and HAL links (docs/rest.md). */
final class Responses {

    private final CodecCache codecs;

    Responses(CodecCache codecs) {
        this.codecs = codecs;
    }

    /** The response to a reply of {@code e}'s operation. */
    FullHttpResponse of(RouteTable.Entry e, Map<String, String> vars, Message reply, String mediaType, boolean get,
            @Nullable String ifNoneMatch) {
        if (reply.status() != Status.OK) {
            return copyParleyHeaders(reply, problem(Problems.of(reply, e.op(), e.contract().name())));
        }
        if (HttpRoute.isVoid(e.op())) {
            return copyParleyHeaders(reply, response(HttpResponseStatus.NO_CONTENT, null, new byte[0]));
        }
        String type = reply.header(HeaderNames.CONTENT_TYPE);
        String contentType = type != null ? type : mediaType;
        byte[] body = reply.body();
        if (!e.links().isEmpty() && Hal.isJson(contentType)) {
            body = Hal.render(body, e.links(), vars);
            contentType = Hal.MEDIA_TYPE;
        }
        FullHttpResponse r;
        if (e.location() != null) {
            r = response(HttpResponseStatus.CREATED, contentType, body);
            r.headers().set(HttpHeaderNames.LOCATION, location(e, vars, reply, mediaType));
        } else if (get) {
            String etag = etag(body);
            r = etag.equals(ifNoneMatch) ? response(HttpResponseStatus.NOT_MODIFIED, null, new byte[0])
                    : response(HttpResponseStatus.OK, contentType, body);
            r.headers().set(HttpHeaderNames.ETAG, etag);
        } else {
            r = response(HttpResponseStatus.OK, contentType, body);
        }
        return copyParleyHeaders(reply, r);
    }

    /** The created resource's path: the @Get template, filled from the request's variables and the reply. */
    private String location(RouteTable.Entry e, Map<String, String> vars, Message reply, String mediaType) {
        String template = e.location();
        Object created = codecs.get(mediaType, e.op().resultType()).decode(reply.body());
        Map<String, String> all = new HashMap<>(vars);
        for (var c : created.getClass().getRecordComponents()) {
            try {
                c.getAccessor().setAccessible(true);
                Object v = c.getAccessor().invoke(created);
                if (v != null) {
                    all.putIfAbsent(c.getName(), Values.format(v));
                }
            } catch (ReflectiveOperationException x) {
                throw new IllegalStateException(x);
            }
        }
        return Paths.expand(template, all);
    }

    /** A strong validator of the body: its SHA-256, shortened. */
    static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }

    static FullHttpResponse problem(Problems.Problem p) {
        FullHttpResponse r = response(HttpResponseStatus.valueOf(p.httpStatus()), Problems.MEDIA_TYPE, p.json());
        if (p.httpStatus() == 503) {
            r.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
        }
        return r;
    }

    static FullHttpResponse methodNotAllowed(String method, String path, List<String> allowed) {
        FullHttpResponse r = problem(Problems.of(405, Status.UNIMPLEMENTED, method + " is not allowed on " + path
                + "; allowed: " + String.join(", ", allowed)));
        r.headers().set(HttpHeaderNames.ALLOW, String.join(", ", allowed));
        return r;
    }

    static FullHttpResponse accepted() {
        return response(HttpResponseStatus.ACCEPTED, null, new byte[0]);
    }

    static FullHttpResponse json(byte[] body) {
        return response(HttpResponseStatus.OK, "application/json", body);
    }

    static FullHttpResponse response(HttpResponseStatus status, @Nullable String contentType, byte[] body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        if (contentType != null) {
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return r;
    }

    private static FullHttpResponse copyParleyHeaders(Message reply, FullHttpResponse r) {
        reply.headers().forEach((name, value) -> {
            if (name.startsWith("parley-") && !name.equals(HeaderNames.STATUS) && !name.equals(HeaderNames.ERROR_TYPE)) {
                r.headers().set(name, value);
            }
        });
        return r;
    }

    static String text(@Nullable Message m) {
        return m == null ? "" : new String(m.body(), StandardCharsets.UTF_8);
    }
}
