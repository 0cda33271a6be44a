package dev.parley.transport.http.internal;

import dev.parley.Deadline;
import dev.parley.Defaults;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.InteractionStyle;
import dev.parley.contract.OperationDescriptor;
import dev.parley.contract.tools.OpenApiExporter;
import dev.parley.http.HttpRoute;
import dev.parley.internal.runtime.Errors;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import dev.parley.service.Service;
import dev.parley.time.Scheduler;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AsciiString;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an HTTP request into a call on the router and its reply into an HTTP response (docs/rest.md): finds
 * the route, negotiates media types, builds the parameter from the path, query, headers and body, and maps
 * the reply's status onto HTTP. Thread-safe; the route table is swapped whole when the contracts change.
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final String ID_PREFIX = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE) + "-h";
    private static final AtomicLong IDS = new AtomicLong();

    private final Service router;
    private final Scheduler scheduler;
    private final Negotiation negotiation;
    private final CodecCache codecs;
    private final Responses responses;
    private volatile RouteTable table = RouteTable.EMPTY;
    private volatile byte @Nullable [] openApi;

    Dispatcher(Service router, Scheduler scheduler, Negotiation negotiation) {
        this.router = router;
        this.scheduler = scheduler;
        this.negotiation = negotiation;
        this.codecs = new CodecCache(negotiation.codecs());
        this.responses = new Responses(codecs);
    }

    /** Rebuilds the routes; throws, leaving the old ones, when two operations claim one route. */
    void update(List<ContractDescriptor> contracts) {
        table = RouteTable.of(contracts);
        openApi = null;
    }

    /** The response to {@code request}; cancelling it cancels the call on the server. */
    CompletableFuture<FullHttpResponse> handle(FullHttpRequest request) {
        try {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            String method = request.method().name();
            String path = uri.rawPath();
            if (path.equals("/openapi.json") && method.equals("GET")) {
                return CompletableFuture.completedFuture(Responses.json(openApi()));
            }
            return switch (table.match(method, path)) {
                case RouteTable.Found f -> call(f, request, uri);
                case RouteTable.WrongMethod w -> done(Responses.methodNotAllowed(method, path, w.allowed()));
                case RouteTable.NotFound n -> done(Responses.problem(Problems.of(404, Status.UNIMPLEMENTED, n.detail())));
            };
        } catch (ParleyException e) {
            return done(Responses.problem(Problems.of(Problems.httpStatus(e.status()), e.status(), e.detail())));
        } catch (IllegalArgumentException e) {
            return done(Responses.problem(Problems.of(400, Status.INVALID_ARGUMENT, String.valueOf(e.getMessage()))));
        } catch (RuntimeException e) {
            // A fault of this transport, not of the request: logged here, never shown to the caller.
            LOG.error("answering {} {} failed", request.method(), request.uri(), e);
            return done(Responses.problem(Problems.of(500, Status.INTERNAL, "the server failed to answer (see its log)")));
        }
    }

    private CompletableFuture<FullHttpResponse> call(RouteTable.Found found, FullHttpRequest request,
            QueryStringDecoder uri) {
        RouteTable.Entry e = found.entry();
        OperationDescriptor op = e.op();
        byte[] body = ByteBufUtil.getBytes(request.content());
        String requestType = null;
        if (body.length > 0) {
            String ct = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
            requestType = ct == null ? null : negotiation.readable(ct);
            if (requestType == null) {
                return done(Responses.problem(Problems.of(415, Status.INVALID_ARGUMENT, (ct == null
                        ? "a request body needs a Content-Type" : "Content-Type " + ct + " is not supported")
                        + "; supported: " + negotiation.supported())));
            }
        }
        String responseType = HttpRoute.isVoid(op) ? (requestType != null ? requestType : negotiation.supported().getFirst())
                : negotiation.acceptable(request.headers().get(HttpHeaderNames.ACCEPT), requestType);
        if (responseType == null) {
            return done(Responses.problem(Problems.of(406, Status.INVALID_ARGUMENT, "nothing in Accept: "
                    + request.headers().get(HttpHeaderNames.ACCEPT) + " can be produced; available: "
                    + negotiation.supported())));
        }
        byte[] argument = argument(e, found.vars(), uri, request, body, requestType, responseType);
        Message message = Message.of(headers(request, e, responseType), argument).withDeadline(deadline(request));
        CompletableFuture<Message> reply = router.call(message).toCompletableFuture();
        if (op.style() == InteractionStyle.NOTIFICATION) {
            reply.whenComplete((m, t) -> {
                if (t != null || (m != null && m.status() != Status.OK)) {
                    LOG.warn("notification {} failed: {}", message, t != null ? t.toString() : Responses.text(m));
                }
            });
            return done(Responses.accepted());
        }
        boolean get = request.method().equals(HttpMethod.GET);
        String ifNoneMatch = get ? request.headers().get(HttpHeaderNames.IF_NONE_MATCH) : null;
        // A filter may fail the stage instead of replying with an error: the same error reply either way.
        CompletableFuture<FullHttpResponse> response = reply.handle((m, t) -> responses.of(e, found.vars(),
                m != null ? m : Errors.reply(message, t, op), responseType, get, ifNoneMatch));
        if (response.isDone()) {
            return response; // answered on this thread (a @NonBlocking handler): no deadline to watch
        }
        Deadline d = message.deadline();
        Scheduler.Cancellable timer = scheduler.schedule(() -> {
            if (!reply.isDone()) {
                response.complete(Responses.problem(Problems.of(504, Status.DEADLINE_EXCEEDED,
                        "the deadline passed before " + e.contract().name() + "." + op.name() + " answered")));
                reply.cancel(true);
            }
        }, d == null ? Defaults.TIMEOUT : d.remaining());
        response.whenComplete((r, t) -> {
            timer.cancel();
            if (response.isCancelled()) {
                reply.cancel(true);
            }
        });
        return response;
    }

    /** The parameter as the body the skeleton reads, in {@code responseType}. */
    private byte[] argument(RouteTable.Entry e, Map<String, String> vars, QueryStringDecoder uri,
            FullHttpRequest request, byte[] body, @Nullable String requestType, String responseType) {
        Type param = e.op().parameterType();
        if (param == null) {
            return new byte[0];
        }
        Binding binding = e.binding();
        if (binding != null) {
            Class<?> record = e.route().parameterRecord();
            Object fromBody = requestType == null ? null : codecs.get(requestType, record).decode(body);
            Object arg = binding.build(vars, uri.parameters(), request.headers(), fromBody);
            return codecs.get(responseType, record).encode(arg);
        }
        if (requestType != null && !requestType.equals(responseType)) {
            return codecs.get(responseType, param).encode(codecs.get(requestType, param).decode(body));
        }
        if (e.op().style() == InteractionStyle.NOTIFICATION) {
            // Accepted means readable: a notification's body is checked before the 202, not after it.
            codecs.get(responseType, param).decode(body);
        }
        return body;
    }

    /**
     * The message's headers: the request's {@code parley-*} and {@code traceparent} headers (but those that
     * only a reply or the transport sets), then what the route says. Built in one array: most requests
     * carry only a message id and a deadline of their own.
     */
    private static Headers headers(FullHttpRequest request, RouteTable.Entry e, String mediaType) {
        String[] h = new String[2 * (request.headers().size() + 6)];
        int n = 0;
        Iterator<Entry<CharSequence, CharSequence>> it = request.headers().iteratorCharSequence();
        while (it.hasNext()) {
            Entry<CharSequence, CharSequence> header = it.next();
            CharSequence key = header.getKey();
            if (!AsciiString.regionMatches(key, true, 0, "parley-", 0, 7)
                    && !AsciiString.contentEqualsIgnoreCase(key, HeaderNames.TRACEPARENT)) {
                continue; // most headers: no copy, no lower-casing
            }
            String name = key.toString().toLowerCase(java.util.Locale.ROOT);
            if (!name.equals(HeaderNames.DEADLINE) && !name.equals(HeaderNames.STATUS)
                    && !name.equals(HeaderNames.ERROR_TYPE) && !name.equals(HeaderNames.ONE_WAY)) {
                h[n++] = name;
                h[n++] = header.getValue().toString();
            }
        }
        boolean hasId = false;
        for (int i = 0; i < n && !hasId; i += 2) {
            hasId = h[i].equals(HeaderNames.MESSAGE_ID);
        }
        h[n++] = HeaderNames.CONTRACT;
        h[n++] = e.contract().name();
        h[n++] = HeaderNames.VERSION;
        h[n++] = e.contract().version();
        h[n++] = HeaderNames.OPERATION;
        h[n++] = e.op().name();
        h[n++] = HeaderNames.CONTENT_TYPE;
        h[n++] = mediaType;
        if (!hasId) {
            h[n++] = HeaderNames.MESSAGE_ID;
            h[n++] = ID_PREFIX + Long.toHexString(IDS.incrementAndGet());
        }
        if (e.op().style() == InteractionStyle.NOTIFICATION) {
            h[n++] = HeaderNames.ONE_WAY;
            h[n++] = "true";
        }
        return Headers.of(n == h.length ? h : Arrays.copyOf(h, n));
    }

    private Deadline deadline(FullHttpRequest request) {
        String budget = request.headers().get(HeaderNames.DEADLINE);
        Duration remaining = Defaults.TIMEOUT;
        if (budget != null) {
            try {
                remaining = Duration.ofMillis(Math.max(0, Long.parseLong(budget.trim())));
            } catch (NumberFormatException x) {
                throw new ParleyException(Status.INVALID_ARGUMENT, "header " + HeaderNames.DEADLINE
                        + " is not a number of milliseconds: " + budget);
            }
        }
        return Deadline.after(remaining, scheduler);
    }

    private byte[] openApi() {
        byte[] doc = openApi;
        if (doc == null) {
            try {
                doc = Problems.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                        OpenApiExporter.export(table.contracts(), negotiation.supported()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
                throw new IllegalStateException(x);
            }
            openApi = doc;
        }
        return doc;
    }

    private static CompletableFuture<FullHttpResponse> done(FullHttpResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}
