package dev.parley.message;

/**
 * The standard header names, the same on every transport. Each transport maps them one to one onto its own
 * carrier (frame headers, HTTP headers, AMQP properties, Kafka record headers). Names are lower case.
 */
public final class HeaderNames {

    /** Unique per message; consumers may deduplicate on it. */
    public static final String MESSAGE_ID = "parley-message-id";
    /** On a reply: the message id of the request it answers. */
    public static final String CORRELATION_ID = "parley-correlation-id";
    /** Where replies go, when the transport needs telling. */
    public static final String REPLY_TO = "parley-reply-to";
    /** The contract's name. */
    public static final String CONTRACT = "parley-contract";
    /** The contract's version, {@code major.minor}. */
    public static final String VERSION = "parley-version";
    /** The operation's name within the contract. */
    public static final String OPERATION = "parley-operation";
    /** The body's media type. */
    public static final String CONTENT_TYPE = "content-type";
    /** The remaining time budget in milliseconds when the message left its sender. */
    public static final String DEADLINE = "parley-deadline-ms";
    /** W3C trace context. */
    public static final String TRACEPARENT = "traceparent";
    /** 1 for the first attempt, 2 for the first retry, ... */
    public static final String ATTEMPT = "parley-attempt";
    /** On a reply: a {@link dev.parley.Status} name; absent means OK. */
    public static final String STATUS = "parley-status";
    /** On an error reply: the declared exception's identifier within the operation. */
    public static final String ERROR_TYPE = "parley-error-type";
    /** On a request: {@code true} when no reply is wanted (a notification). */
    public static final String ONE_WAY = "parley-one-way";
    /** On a reply to a published event: who answered (subscriber group and instance). */
    public static final String RESPONDER = "parley-responder";
    /** On a reply made by a client-side fallback instead of the server: which kind (default, last-good, ...). */
    public static final String FALLBACK = "parley-fallback";
    /** Who is calling, as the client names itself. */
    public static final String CLIENT = "parley-client";

    private HeaderNames() {
    }
}
