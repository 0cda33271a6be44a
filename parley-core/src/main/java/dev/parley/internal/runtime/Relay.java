package dev.parley.internal.runtime;

import dev.parley.message.Message;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The stage a waiting filter returns, which is also the callback it hangs on the stage below it: one object
 * per call where a new future, a callback and a second callback (to pass cancellation back down) would be
 * three. Filters further out that only need to see the reply before the caller does ({@code
 * Filters.whenComplete}: a bulkhead's release, a breaker's record) {@link #add} their action to it rather
 * than wrapping it again, so one relay serves a whole run of them.
 *
 * <p>When the stage below completes (or a subclass decides, e.g. a deadline passes), the actions run in the
 * order they were added, inner filters' first, and then this stage completes. Cancelling this stage cancels
 * the stage below, whose completion then runs the actions.
 */
public class Relay extends PassingStage<Message> implements BiConsumer<@Nullable Message, @Nullable Throwable> {

    private static final VarHandle ACTIONS;
    private static final Object CLOSED = new Object();

    static {
        try {
            ACTIONS = MethodHandles.lookup().findVarHandle(Relay.class, "actions", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The stage below: where cancellation goes. */
    protected final CompletableFuture<Message> source;
    /** null, one action, an array of them, or {@link #CLOSED} once they have run. */
    @SuppressWarnings("unused") // through ACTIONS
    private volatile @Nullable Object actions;

    public Relay(CompletableFuture<Message> source) {
        this.source = source;
    }

    /** A relay of {@code source} that runs {@code action} first; the caller hangs it on {@code source}. */
    public Relay(CompletableFuture<Message> source, BiConsumer<? super @Nullable Message, ? super @Nullable Throwable> action) {
        this.source = source;
        this.actions = action;
    }

    /**
     * Adds an action to run before this stage completes; {@code false} when it is too late (the actions have
     * run or are running), in which case the caller must wait for this stage some other way.
     */
    public final boolean add(BiConsumer<? super @Nullable Message, ? super @Nullable Throwable> action) {
        for (;;) {
            Object current = actions;
            if (current == CLOSED) {
                return false;
            }
            Object next;
            if (current == null) {
                next = action;
            } else if (current instanceof Object[] array) {
                next = Arrays.copyOf(array, array.length + 1);
                ((Object[]) next)[array.length] = action;
            } else {
                next = new Object[] {current, action};
            }
            if (ACTIONS.compareAndSet(this, current, next)) {
                return true;
            }
        }
    }

    /** The stage below completed. */
    @Override
    public void accept(@Nullable Message reply, @Nullable Throwable failure) {
        finish(reply, failure);
    }

    /**
     * Runs the actions (once, whoever calls first), then completes this stage; whether this call completed
     * it. An action that throws does not keep the others from running or the stage from completing.
     */
    protected final boolean finish(@Nullable Message reply, @Nullable Throwable failure) {
        Object all = ACTIONS.getAndSet(this, CLOSED);
        if (all != null && all != CLOSED) {
            if (all instanceof Object[] array) {
                for (Object a : array) {
                    run(a, reply, failure);
                }
            } else {
                run(all, reply, failure);
            }
        }
        return failure != null ? completeExceptionally(failure) : complete(reply);
    }

    @SuppressWarnings("unchecked")
    private static void run(Object action, @Nullable Message reply, @Nullable Throwable failure) {
        try {
            ((BiConsumer<? super @Nullable Message, ? super @Nullable Throwable>) action).accept(reply, failure);
        } catch (RuntimeException e) {
            // a policy's bookkeeping failing does not change the reply
        }
    }

    /** Cancels the stage below, whose completion then runs the actions. */
    @Override
    protected void passCancellation() {
        source.cancel(true);
    }
}
