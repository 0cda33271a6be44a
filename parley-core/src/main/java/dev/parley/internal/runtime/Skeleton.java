package dev.parley.internal.runtime;

import dev.parley.Deadline;
import dev.parley.Replies;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.codec.Codecs;
import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.InteractionStyle;
import dev.parley.contract.OperationDescriptor;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import dev.parley.service.Service;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * The server side of a contract: picks the operation from the request's headers, refuses work whose
 * deadline has passed, decodes the argument, runs the implementation on a virtual thread by method handle,
 * and encodes the reply or the error. The returned stage completes when the handler is done; cancelling it
 * marks the {@link dev.parley.CallContext} cancelled and interrupts the handler.
 */
public final class Skeleton implements Service {

    private final ContractDescriptor contract;
    private final Object implementation;
    private final RuntimeContext ctx;
    private final @Nullable String responder;
    private final Map<String, Op> ops = new HashMap<>();

    private record Op(OperationDescriptor descriptor, OperationCodecs codecs) {
    }

    /**
     * @param responder who this skeleton answers as on published requests ({@code group/instance}), or
     *        {@code null} for a service
     */
    public Skeleton(ContractDescriptor contract, Object implementation, RuntimeContext ctx,
            @Nullable String responder) {
        if (!contract.type().isInstance(implementation)) {
            throw new IllegalArgumentException("implementation " + implementation.getClass().getName()
                    + " does not implement " + contract.type().getName());
        }
        this.contract = contract;
        this.implementation = implementation;
        this.ctx = ctx;
        this.responder = responder;
        for (OperationDescriptor op : contract.operations()) {
            OperationCodecs codecs = new OperationCodecs(op, ctx.codecs());
            codecs.check(ctx.mediaType());
            ops.put(op.name(), new Op(op, codecs));
        }
    }

    public ContractDescriptor contract() {
        return contract;
    }

    @Override
    public CompletionStage<Message> call(Message request) {
        String name = request.header(HeaderNames.OPERATION);
        Op op = name == null ? null : ops.get(name);
        if (op == null) {
            return CompletableFuture.completedFuture(Errors.reply(request, Status.UNIMPLEMENTED,
                    "contract " + contract.name() + " " + contract.version() + " has no operation '" + name
                            + "'; it has " + ops.keySet().stream().sorted().toList()));
        }
        Deadline deadline = request.deadline();
        if (deadline != null && deadline.isExpired()) {
            return CompletableFuture.completedFuture(Errors.reply(request, DeadlineFilter.expired(deadline), null));
        }
        ServerCall call = new ServerCall(contract.name(), op.descriptor.name(), request.headers(), deadline);
        Reply reply = new Reply(op, request, call);
        if (op.descriptor.nonBlocking()) {
            // Promised not to block: run on the caller's thread (a transport's I/O thread), no hand-off, and
            // never interrupted: the thread is not the handler's own.
            call.run(reply);
            return reply;
        }
        try {
            // execute, not submit: the reply is the only future a call needs; cancelling it interrupts the
            // handler through its ServerCall, or keeps it from starting.
            ctx.handlers().execute(() -> call.runInterruptibly(reply));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(Errors.reply(request, Status.UNAVAILABLE,
                    "the server is shutting down"));
        }
        return reply;
    }

    /** The reply to one call, and the task that makes it: cancelling it cancels the call. */
    private final class Reply extends PassingStage<Message> implements Runnable {

        private final Op op;
        private final Message request;
        private final ServerCall call;

        Reply(Op op, Message request, ServerCall call) {
            this.op = op;
            this.request = request;
            this.call = call;
        }

        @Override
        public void run() {
            invoke(op, request, this);
        }

        @Override
        protected void passCancellation() {
            call.cancel();
        }
    }

    private void invoke(Op op, Message request, CompletableFuture<Message> reply) {
        String mediaType = mediaType(request);
        Object result;
        try {
            Object arg = op.codecs.decodeParam(mediaType, request.body());
            result = op.descriptor.parameterType() == null
                    ? op.descriptor.handle().invoke(implementation)
                    : op.descriptor.handle().invoke(implementation, arg);
        } catch (Throwable t) {
            finish(reply, Errors.reply(request, t, op.descriptor));
            return;
        }
        if (op.descriptor.async()) {
            if (result == null) {
                finish(reply, Errors.reply(request, new ParleyException(Status.INTERNAL,
                        "handler of " + op.descriptor.name() + " returned a null future"), null));
                return;
            }
            ((CompletionStage<?>) result).whenComplete((value, failure) -> finish(reply, failure != null
                    ? Errors.reply(request, failure, op.descriptor)
                    : success(op, request, mediaType, value)));
        } else {
            finish(reply, success(op, request, mediaType, result));
        }
    }

    /** A responder's {@code Replies.answer(value)} travels as the value alone. */
    private static @Nullable Object answer(Op op, @Nullable Object value) {
        if (op.descriptor.style() != InteractionStyle.PUBLISH_ASYNC_RESPONSE) {
            return value;
        }
        if (!(value instanceof Replies<?> replies) || replies.size() != 1) {
            throw new ParleyException(Status.INTERNAL, "a responder of " + op.descriptor.name()
                    + " must return Replies.answer(value), not " + value);
        }
        return replies.all().getFirst().value();
    }

    private void finish(CompletableFuture<Message> reply, Message message) {
        reply.complete(responder == null ? message : message.withHeader(HeaderNames.RESPONDER, responder));
    }

    private Message success(Op op, Message request, String mediaType, @Nullable Object value) {
        try {
            Headers h = Errors.replyHeaders(request, mediaType);
            return Message.of(h, op.codecs.encodeResult(mediaType, answer(op, value)));
        } catch (RuntimeException e) {
            return Errors.reply(request, e, op.descriptor);
        }
    }

    private String mediaType(Message request) {
        String type = request.header(HeaderNames.CONTENT_TYPE);
        return type == null || type.equals(ctx.mediaType()) ? ctx.mediaType() : Codecs.normalize(type);
    }

    @Override
    public String toString() {
        return "skeleton(" + contract.name() + " " + contract.version() + ")";
    }
}
