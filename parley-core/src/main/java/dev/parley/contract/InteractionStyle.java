package dev.parley.contract;

/** The five interaction styles, read from a contract method's shape (see docs/interaction-styles.md). */
public enum InteractionStyle {
    /** {@code R op(A)}: one responder; the caller blocks until the reply, an error or the deadline. */
    REQUEST_RESPONSE("request/response", false),
    /** {@code CompletableFuture<R> op(A)}: one responder; the caller never blocks. */
    REQUEST_ASYNC_RESPONSE("request/async-response", false),
    /** {@code @OneWay void op(A)}: one instance handles it; no reply. */
    NOTIFICATION("notification", false),
    /** {@code @Publish void op(E)}: every subscriber group gets it once; members of a group compete. */
    PUBLISH_SUBSCRIBE("publish/subscribe", true),
    /** {@code @Publish Replies<R> op(A)}: many responders, collected until a window, a count or the deadline. */
    PUBLISH_ASYNC_RESPONSE("publish/async-response", true);

    private final String label;
    private final boolean oneToMany;

    InteractionStyle(String label, boolean oneToMany) {
        this.label = label;
        this.oneToMany = oneToMany;
    }

    /** The style's name as the seed article writes it, e.g. {@code request/async-response}. */
    public String label() {
        return label;
    }

    /** Whether the message goes to many receivers (a topic) rather than one (a service). */
    public boolean isOneToMany() {
        return oneToMany;
    }

    @Override
    public String toString() {
        return label;
    }
}
