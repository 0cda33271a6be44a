package dev.parley.transport.tcp.internal;

import dev.parley.Deadline;
import dev.parley.Defaults;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import dev.parley.time.Scheduler;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Between messages and frames, and the connection-error routine both ends share. */
final class Frames {

    private Frames() {
    }

    /** A frame carrying {@code message}; its deadline becomes the remaining budget in milliseconds. */
    static Frame toFrame(int type, int streamId, Message message) {
        return new Frame(type, 0, streamId, message.headers(), message.body(), budgetMillis(message));
    }

    /** What is left of {@code message}'s deadline in whole milliseconds, at least 0; -1 when it has none. */
    static long budgetMillis(Message message) {
        Deadline d = message.deadline();
        return d == null ? -1 : Math.max(0, TimeUnit.NANOSECONDS.toMillis(d.remainingNanos()));
    }

    /** The message a request frame carries; the deadline is rebuilt on this side's clock. */
    static Message toMessage(Frame frame, Scheduler scheduler) {
        Headers h = frame.headers();
        String budget = h.get(HeaderNames.DEADLINE);
        Duration remaining = Defaults.TIMEOUT;
        if (budget != null) {
            try {
                remaining = Duration.ofMillis(Math.max(0, Long.parseLong(budget)));
            } catch (NumberFormatException e) {
                throw ProtocolException.malformed("header " + HeaderNames.DEADLINE + " is not a number: " + budget);
            }
            h = h.without(HeaderNames.DEADLINE);
        }
        return Message.of(h, frame.body()).withDeadline(Deadline.after(remaining, scheduler));
    }

    /** Fails with RESOURCE_EXHAUSTED, before anything is written, a frame the peer would refuse. */
    static @Nullable ParleyException checkSize(Frame frame, int maxFrameBytes, int maxHeaderBytes) {
        return checkSize(frame.headers(), frame.body(), frame.deadlineMillis(), maxFrameBytes, maxHeaderBytes);
    }

    /** As {@link #checkSize(Frame, int, int)}, for the frame these would make. */
    static @Nullable ParleyException checkSize(Headers headers, byte[] body, long deadlineMillis, int maxFrameBytes,
            int maxHeaderBytes) {
        FrameCodec.HeaderBlock block = FrameCodec.measure(headers, deadlineMillis);
        int headerBytes = block.bytes;
        if (headerBytes > maxHeaderBytes) {
            return new ParleyException(Status.RESOURCE_EXHAUSTED, "headers of " + headerBytes
                    + " bytes exceed the limit of " + maxHeaderBytes);
        }
        if (block.tooLong != null) {
            // Refused here, for this call alone: the encoder would fail on the I/O thread instead.
            String name = block.tooLong;
            return new ParleyException(Status.RESOURCE_EXHAUSTED, "header name '" + name.substring(0, 64)
                    + "...' is longer than the 255 bytes a frame entry holds");
        }
        long frameBytes = (long) FrameCodec.FIXED + headerBytes + body.length;
        if (frameBytes > maxFrameBytes) {
            return new ParleyException(Status.RESOURCE_EXHAUSTED, "message of " + frameBytes
                    + " bytes exceeds the frame limit of " + maxFrameBytes);
        }
        return null;
    }

    static Frame goAway(Status status, String reason, int lastStream) {
        return new Frame(Frame.GO_AWAY, 0, 0, Headers.of(HeaderNames.STATUS, status.name(),
                Frame.LAST_STREAM, Integer.toString(lastStream)), reason.getBytes(StandardCharsets.UTF_8));
    }

    static Frame error(int streamId, Status status, String reason) {
        return new Frame(Frame.ERROR, 0, streamId, Headers.of(HeaderNames.STATUS, status.name()),
                reason.getBytes(StandardCharsets.UTF_8));
    }

    /** The protocol error behind {@code cause}, or {@code null} when it is not one. */
    static @Nullable ProtocolException protocolError(Throwable cause) {
        Throwable t = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        return t instanceof ProtocolException p ? p : null;
    }

    /** Ends a connection after a protocol error: go-away with the reason (unless silent), then close. */
    static void fail(Channel channel, ProtocolException e, int lastStream) {
        if (e.silent() || !channel.isActive()) {
            channel.close();
            return;
        }
        channel.writeAndFlush(goAway(e.status(), e.getMessage(), lastStream))
                .addListener(ChannelFutureListener.CLOSE);
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    static void writePreface(Channel channel) {
        ByteBuf preface = channel.alloc().buffer(Preface.LENGTH);
        Preface.write(preface);
        channel.writeAndFlush(preface);
    }
}
