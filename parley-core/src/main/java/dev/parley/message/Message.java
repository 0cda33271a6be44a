package dev.parley.message;

import static java.util.Objects.requireNonNull;

import dev.parley.Deadline;
import dev.parley.Status;
import org.jspecify.annotations.Nullable;

/**
 * The envelope every transport carries: headers and an encoded body. Immutable; the body array is owned by
 * the message and must not be changed once handed over.
 *
 * <p>The deadline travels beside the headers: in-process as an object, on a wire as the
 * {@link HeaderNames#DEADLINE remaining budget} that the transport writes when it sends.
 */
public final class Message {

    private static final byte[] NO_BODY = new byte[0];

    private final Headers headers;
    private final byte[] body;
    private final @Nullable Deadline deadline;

    private Message(Headers headers, byte[] body, @Nullable Deadline deadline) {
        this.headers = requireNonNull(headers, "headers");
        this.body = requireNonNull(body, "body");
        this.deadline = deadline;
    }

    /** A message with {@code headers} and {@code body} and no deadline. */
    public static Message of(Headers headers, byte[] body) {
        return new Message(headers, body, null);
    }

    /** A message with headers and no body. */
    public static Message of(Headers headers) {
        return new Message(headers, NO_BODY, null);
    }

    public Headers headers() {
        return headers;
    }

    /** The encoded body; do not modify it. */
    public byte[] body() {
        return body;
    }

    /** When the work this message asks for stops being useful; {@code null} on replies and events. */
    public @Nullable Deadline deadline() {
        return deadline;
    }

    /** Shorthand for a header value. */
    public @Nullable String header(String name) {
        return headers.get(name);
    }

    /** The status of a reply: {@link Status#OK} unless the status header says otherwise. */
    public Status status() {
        return Status.parse(headers.get(HeaderNames.STATUS));
    }

    /** Whether the sender wants no reply. */
    public boolean isOneWay() {
        return "true".equals(headers.get(HeaderNames.ONE_WAY));
    }

    public Message withHeaders(Headers newHeaders) {
        return new Message(newHeaders, body, deadline);
    }

    public Message withHeader(String name, String value) {
        return new Message(headers.with(name, value), body, deadline);
    }

    public Message withBody(byte[] newBody) {
        return new Message(headers, newBody, deadline);
    }

    public Message withDeadline(@Nullable Deadline newDeadline) {
        return new Message(headers, body, newDeadline);
    }

    @Override
    public String toString() {
        return "Message" + headers + "[" + body.length + " bytes]";
    }
}
