package dev.parley.transport.http.internal;

import dev.parley.Deadline;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.contract.ContractDescriptor;
import dev.parley.http.HttpRoute;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import dev.parley.service.Service;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The client side of one contract at one address: each call becomes the request its route describes
 * (method, path, query, headers, body), sent round-robin over the address's endpoints; the response becomes
 * the reply, an error response the error reply its problem+json describes.
 */
final class HttpClient implements Service {

    private static final byte[] EMPTY = new byte[0];
    /** Headers the method, path and Content-Type already say: not sent again. */
    private static final java.util.Set<String> IMPLIED = java.util.Set.of(HeaderNames.CONTRACT, HeaderNames.VERSION,
            HeaderNames.OPERATION, HeaderNames.ONE_WAY, HeaderNames.DEADLINE);

    private final String address;
    private final List<Endpoint> endpoints;
    private final @Nullable ContractDescriptor contract;
    private final Map<String, HttpRoute> routes;
    private final Map<String, Binding> bindings = new HashMap<>();
    private final CodecCache codecs;
    private final AtomicInteger next = new AtomicInteger();

    HttpClient(String address, List<Endpoint> endpoints, @Nullable ContractDescriptor contract, CodecCache codecs) {
        this.address = address;
        this.endpoints = endpoints;
        this.contract = contract;
        this.codecs = codecs;
        this.routes = contract == null ? Map.of() : HttpRoute.of(contract);
        for (HttpRoute r : routes.values()) {
            Binding b = Binding.of(r);
            if (b != null) {
                bindings.put(r.operation(), b);
            }
        }
    }

    @Override
    public CompletionStage<Message> call(Message message) {
        Endpoint endpoint = endpoints.get(Math.floorMod(next.getAndIncrement(), endpoints.size()));
        FullHttpRequest request;
        try {
            request = request(message, endpoint.name());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<ClientHandler.Response> sent = endpoint.send(request);
        CompletableFuture<Message> reply = sent.thenApply(r -> reply(message, r));
        reply.whenComplete((m, t) -> {
            if (reply.isCancelled()) {
                sent.cancel(true);
            }
        });
        return reply;
    }

    private FullHttpRequest request(Message message, String host) {
        String operation = message.header(HeaderNames.OPERATION);
        HttpRoute route = operation == null ? null : routes.get(operation);
        String target;
        String method;
        byte[] body = message.body();
        Map<String, String> extra = Map.of();
        String mediaType = message.header(HeaderNames.CONTENT_TYPE);
        if (route == null) {
            // Without the contract (or for an operation it does not have): the level-1 route from the headers.
            target = "/" + message.header(HeaderNames.CONTRACT) + "/v" + major(message.header(HeaderNames.VERSION))
                    + "/" + operation;
            method = "POST";
        } else {
            method = route.method();
            Binding binding = bindings.get(operation);
            if (binding != null && route.parameterRecord() != null) {
                Binding.Parts parts = binding.split(codecs.get(mediaType(mediaType), route.parameterRecord()).decode(body));
                target = parts.path() + parts.query();
                extra = parts.headers();
            } else {
                target = route.template();
            }
            if (!route.body()) {
                body = EMPTY;
            }
        }
        FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), target,
                Unpooled.wrappedBuffer(body));
        HttpHeaders h = r.headers();
        h.set(HttpHeaderNames.HOST, host);
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (mediaType != null) {
            if (body.length > 0) {
                h.set(HttpHeaderNames.CONTENT_TYPE, mediaType);
            }
            h.set(HttpHeaderNames.ACCEPT, mediaType);
        }
        String accept = message.header("accept");
        if (accept != null) {
            h.set(HttpHeaderNames.ACCEPT, accept); // a filter asked for another representation
        }
        message.headers().forEach((name, value) -> {
            if ((name.startsWith("parley-") && !IMPLIED.contains(name)) || name.equals(HeaderNames.TRACEPARENT)) {
                h.set(name, value);
            }
        });
        Deadline d = message.deadline();
        if (d != null) {
            h.set(HeaderNames.DEADLINE, Long.toString(Math.max(0, d.remaining().toMillis())));
        }
        extra.forEach(h::set);
        return r;
    }

    private Message reply(Message request, ClientHandler.Response r) {
        Headers base = r.parley();
        if (base.get(HeaderNames.CORRELATION_ID) == null && request.header(HeaderNames.MESSAGE_ID) != null) {
            base = base.with(HeaderNames.CORRELATION_ID, request.header(HeaderNames.MESSAGE_ID));
        }
        if (r.status() >= 200 && r.status() < 300) {
            return Message.of(r.contentType() == null ? base : base.with(HeaderNames.CONTENT_TYPE, r.contentType()),
                    r.body());
        }
        return Problems.toReply(r.status(), r.contentType(), r.body(), base);
    }

    private static String mediaType(@Nullable String type) {
        if (type == null) {
            throw new ParleyException(Status.INTERNAL, "a request without a content type");
        }
        return dev.parley.codec.Codecs.normalize(type);
    }

    private static String major(@Nullable String version) {
        if (version == null) {
            return "1";
        }
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }

    @Override
    public String toString() {
        return address + (contract == null ? "" : " (" + contract.name() + " v" + contract.major() + ")");
    }
}
