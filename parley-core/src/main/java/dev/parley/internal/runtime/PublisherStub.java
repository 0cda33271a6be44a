package dev.parley.internal.runtime;

import dev.parley.Deadline;
import dev.parley.contract.ContractDescriptor;
import dev.parley.contract.InteractionStyle;
import dev.parley.contract.OperationDescriptor;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import dev.parley.transport.Transport;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The publishing side of an events contract: {@code @Publish void} methods publish to the contract's topic;
 * methods returning {@code Replies<R>} publish and collect the replies.
 */
public final class PublisherStub implements InvocationHandler {

    /** How a publisher collects replies. */
    public record Options(Duration timeout, Duration window, int atMost, @Nullable String clientName) {
    }

    private final ContractDescriptor contract;
    private final RuntimeContext ctx;
    private final Transport transport;
    private final URI address;
    private final String channel; // computed once: ContractDescriptor.channel() makes a new string per call
    private final Options options;
    private final String description;
    private final Map<Method, Op> ops = new HashMap<>();

    private record Op(OperationDescriptor descriptor, OperationCodecs codecs, Headers template) {
    }

    /**
     * How often, at most, the sweep runs while publishes are outstanding: it also drops the confirmed ones,
     * so this bounds how long they stay in {@link #unconfirmed}.
     */
    static final Duration SWEEP_PERIOD = Duration.ofSeconds(1);

    /** A publish waiting for its confirm: failed with a timeout once {@code deadline} passes. */
    private record Unconfirmed(long deadline, CompletableFuture<?> confirm) {
    }

    /*
     * One timer per stub, not one per publish (a timer per publish costs a schedule and a cancel, each waking
     * the timer thread). Every publish of this stub has the same timeout, so the queue is in deadline order
     * (up to the few microseconds between concurrent publishers' clock readings and their adds): the sweep
     * fails the expired ones from the head and drops the confirmed ones, then sleeps until the head expires.
     */
    private final ConcurrentLinkedQueue<Unconfirmed> unconfirmed = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sweepArmed = new AtomicBoolean();

    private PublisherStub(ContractDescriptor contract, RuntimeContext ctx, URI address, Options options) {
        this.contract = contract;
        this.ctx = ctx;
        this.transport = ctx.transports().forAddress(address);
        this.address = address;
        this.channel = contract.channel();
        this.options = options;
        this.description = "publisher of " + contract + " at " + address;
        for (OperationDescriptor op : contract.operations()) {
            OperationCodecs codecs = new OperationCodecs(op, ctx.codecs());
            codecs.check(ctx.mediaType());
            ops.put(op.method(), new Op(op, codecs, Calls.template(contract, op, ctx.mediaType(), options.clientName())));
        }
    }

    public static <T> T create(Class<T> type, RuntimeContext ctx, URI address, Options options) {
        PublisherStub stub = new PublisherStub(ContractDescriptor.of(type), ctx, address, options);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, stub));
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
        Op op = ops.get(method);
        if (op == null) {
            return ObjectMethods.invoke(proxy, method, args, description);
        }
        Object event = args == null ? null : args[0];
        if (op.descriptor.style() == InteractionStyle.PUBLISH_SUBSCRIBE) {
            Calls.await(publish(op, event));
            return null;
        }
        CompletableFuture<?> replies = scatter(op, event);
        return op.descriptor.async() ? replies : Calls.await(replies);
    }

    private CompletableFuture<?> publish(Op op, @Nullable Object event) {
        // An event carries no deadline: it stays worth handling however long it waits in a topic.
        Message m = message(op, event, null);
        CompletableFuture<?> confirm = transport.publish(address, channel, m, null).toCompletableFuture();
        if (!confirm.isDone()) {
            unconfirmed.add(new Unconfirmed(ctx.scheduler().nanoTime() + options.timeout().toNanos(), confirm));
            armSweep(options.timeout());
        }
        return confirm;
    }

    private void armSweep(Duration delay) {
        if (!sweepArmed.get() && sweepArmed.compareAndSet(false, true)) {
            ctx.scheduler().schedule(this::sweep, delay.compareTo(SWEEP_PERIOD) < 0 ? delay : SWEEP_PERIOD);
        }
    }

    /** Fails the publishes whose timeout passed, drops the confirmed ones, and re-arms while any are left. */
    private void sweep() {
        long now = ctx.scheduler().nanoTime();
        long next = -1;
        // Only the sweep removes entries, and it runs once at a time: peek then poll takes the same entry.
        for (Unconfirmed head = unconfirmed.peek(); head != null; head = unconfirmed.peek()) {
            if (!head.confirm.isDone()) {
                long left = head.deadline - now;
                if (left > 0) {
                    next = left;
                    break;
                }
                head.confirm.completeExceptionally(new TimeoutException());
            }
            unconfirmed.poll();
        }
        sweepArmed.set(false);
        if (next > 0) {
            armSweep(Duration.ofNanos(next));
        } else if (!unconfirmed.isEmpty()) { // added after the loop looked
            armSweep(options.timeout());
        }
    }

    private CompletableFuture<?> scatter(Op op, @Nullable Object request) {
        Deadline deadline = Calls.deadline(ctx, options.timeout());
        ScatterCollector collector = new ScatterCollector(op.descriptor, op.codecs, ctx.mediaType(),
                options.atMost(), deadline);
        Message m = message(op, request, deadline);
        collector.start(options.window());
        transport.publish(address, channel, m, collector).whenComplete((registration, failure) -> {
            if (failure != null) {
                collector.fail(Errors.unwrap(failure));
            } else {
                collector.listening(registration);
            }
        });
        return collector.result();
    }

    private Message message(Op op, @Nullable Object body, @Nullable Deadline deadline) {
        Message m = Message.of(op.template.with(HeaderNames.MESSAGE_ID, ctx.nextId()),
                op.codecs.encodeParam(ctx.mediaType(), body));
        return deadline == null ? m : m.withDeadline(deadline);
    }

    @Override
    public String toString() {
        return description;
    }
}
