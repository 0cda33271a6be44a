package dev.parley.internal.runtime;

import dev.parley.Deadline;
import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.InteractionStyle;
import dev.parley.contract.OperationDescriptor;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import dev.parley.service.Service;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The client side of a service contract: a dynamic proxy that encodes the argument, sends it through the
 * filter chain and the transport, and decodes the reply. Synchronous methods block the caller; methods
 * returning a future never do.
 */
public final class ClientStub implements InvocationHandler {

    private final ContractDescriptor contract;
    private final RuntimeContext ctx;
    private final String mediaType;
    private final String description;
    private final Map<Method, Op> ops = new HashMap<>();

    /** An operation and what every call of it shares, worked out once. */
    private record Op(OperationDescriptor descriptor, OperationCodecs codecs, Headers template, Service chain,
            Duration timeout) {
    }

    private ClientStub(ContractDescriptor contract, RuntimeContext ctx, Function<OperationDescriptor, Service> chains,
            @Nullable Duration timeout, @Nullable String clientName, String description) {
        this.contract = contract;
        this.ctx = ctx;
        this.mediaType = ctx.mediaType();
        for (OperationDescriptor op : contract.operations()) {
            OperationCodecs codecs = new OperationCodecs(op, ctx.codecs());
            codecs.check(mediaType);
            Headers t = Calls.template(contract, op, mediaType, clientName);
            if (op.style() == InteractionStyle.NOTIFICATION) {
                t = t.with(HeaderNames.ONE_WAY, "true");
            }
            Duration own = timeout != null ? timeout : op.timeout() != null ? op.timeout() : ctx.timeout();
            ops.put(op.method(), new Op(op, codecs, t, chains.apply(op), own));
        }
        this.description = description + ": " + chains(ops);
    }

    /** A proxy implementing {@code contract} that sends each operation's calls through its chain. */
    public static <T> T create(Class<T> type, RuntimeContext ctx, Function<OperationDescriptor, Service> chains,
            @Nullable Duration timeout, @Nullable String clientName, String address) {
        ContractDescriptor contract = ContractDescriptor.of(type);
        ClientStub stub = new ClientStub(contract, ctx, chains, timeout, clientName, "client of " + contract
                + " at " + address);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, stub));
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
        Op op = ops.get(method);
        if (op == null) {
            return ObjectMethods.invoke(proxy, method, args, description);
        }
        ClientFuture<@Nullable Object> result = call(op, args == null ? null : args[0]);
        if (op.descriptor.async()) {
            return result;
        }
        try {
            return Calls.await(result);
        } finally {
            result.rememberOnThisThread();
        }
    }

    private ClientFuture<@Nullable Object> call(Op op, @Nullable Object arg) {
        ClientFuture<@Nullable Object> result = new ClientFuture<>();
        CompletableFuture<Message> reply;
        try {
            Deadline deadline = Calls.deadline(ctx, op.timeout);
            byte[] body = op.codecs.encodeParam(mediaType, arg);
            Message request = Message.of(op.template.with(HeaderNames.MESSAGE_ID, ctx.nextId()), body)
                    .withDeadline(deadline);
            reply = op.chain.call(request).toCompletableFuture();
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return result;
        }
        reply.whenComplete((message, failure) -> complete(op, result, message, failure));
        result.cancels(reply); // a caller that cancels its future cancels the call downstream
        return result;
    }

    private void complete(Op op, ClientFuture<@Nullable Object> result, @Nullable Message reply,
            @Nullable Throwable failure) {
        if (failure != null) {
            result.fail(Errors.unwrap(failure), Headers.empty());
            return;
        }
        try {
            if (reply.status() != dev.parley.Status.OK) {
                result.fail(Errors.toException(reply, op.descriptor), reply.headers());
            } else if (op.descriptor.style() == InteractionStyle.NOTIFICATION) {
                result.complete(null, reply.headers());
            } else {
                String type = reply.header(HeaderNames.CONTENT_TYPE);
                String mt = type == null || type.equals(mediaType) ? mediaType : dev.parley.codec.Codecs.normalize(type);
                result.complete(op.codecs.decodeResult(mt, reply.body()), reply.headers());
            }
        } catch (RuntimeException e) {
            result.fail(e, reply.headers());
        }
    }

    @Override
    public String toString() {
        return description;
    }

    /** Each operation's chain, for {@code toString()}: {@code op: filter -> ... -> transport}. */
    private static String chains(Map<Method, Op> ops) {
        return ops.values().stream().map(o -> o.descriptor.name() + ": " + o.chain).sorted()
                .collect(java.util.stream.Collectors.joining("; "));
    }

    ContractDescriptor contract() {
        return contract;
    }
}
