package dev.parley.transport.tcp.internal;

import dev.parley.testkit.NettyLeakCheck;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parley.Status;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fuzz tests of the frame decoder (docs/protocol.md). A plain {@code mvn verify} runs each target once per
 * seed input under {@code src/test/resources/dev/parley/transport/tcp/internal/FrameCodecFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1} fuzzes one target for its {@code maxDuration} (see the module README).
 *
 * <p>Both targets take the raw bytes a peer sends: {@link #decodesOrRefusesCleanly} frames only,
 * {@link #decoderPipelineDecodesOrFailsOnce} the preface first, then frames.
 */
@ExtendWith(NettyLeakCheck.class)
class FrameCodecFuzzTest {

    /** Small limits, so that the fuzzer reaches them. */
    static final int MAX_FRAME_BYTES = 64 * 1024;
    static final int MAX_HEADER_BYTES = 1024;

    /**
     * Decodes what a frame read under the small limits re-encodes to. Larger limits: a header value that
     * is not valid UTF-8 is decoded with U+FFFD, which re-encodes to 3 bytes, so a re-encoded header block
     * may outgrow the limit the original was read under.
     */
    private static final FrameCodec REREAD = new FrameCodec(Integer.MAX_VALUE, 0xFFFF);

    private final FrameCodec codec = new FrameCodec(MAX_FRAME_BYTES, MAX_HEADER_BYTES);

    /**
     * {@link FrameCodec#read} on arbitrary bytes, frame after frame: it returns a well-formed frame within
     * the limits, returns {@code null} only when the next frame is incomplete and then without consuming
     * anything, or throws {@link ProtocolException}; nothing else. A frame it returns re-encodes to bytes
     * that decode to an equal frame.
     */
    @FuzzTest(maxDuration = "5m")
    void decodesOrRefusesCleanly(byte[] input) {
        ByteBuf in = Unpooled.buffer(input.length).writeBytes(input);
        try {
            while (true) {
                int start = in.readerIndex();
                int readable = in.readableBytes();
                Frame frame;
                try {
                    frame = codec.read(in);
                } catch (ProtocolException e) {
                    assertCleanRefusal(e);
                    return;
                } catch (RuntimeException | Error e) {
                    throw new AssertionError("read threw " + e + " instead of a ProtocolException, on "
                            + hex(input), e);
                }
                if (frame == null) {
                    assertThat(in.readerIndex()).as("reader index after null").isEqualTo(start);
                    assertThat(in.readableBytes()).as("readable bytes after null").isEqualTo(readable);
                    if (readable >= 4) {
                        long length = in.getUnsignedInt(start);
                        assertThat((long) readable).as("null although the whole frame is buffered")
                                .isLessThan(4 + length);
                        // A length it will refuse is refused at once, not waited for (docs/protocol.md).
                        assertThat(length).as("length of a frame it waits for")
                                .isBetween((long) FrameCodec.FIXED, (long) MAX_FRAME_BYTES);
                    }
                    return;
                }
                int consumed = in.readerIndex() - start;
                assertThat((long) consumed).as("bytes consumed by one frame")
                        .isEqualTo(4 + in.getUnsignedInt(start));
                assertWellFormed(frame);
                assertNullOnEveryPrefix(in.slice(start, consumed));
                assertRoundTrip(frame);
                if (!in.isReadable()) {
                    return;
                }
            }
        } finally {
            assertThat(in.release()).as("input buffer released").isTrue();
        }
    }

    /**
     * The whole Netty decoder, preface first, on arbitrary bytes written at once and written in pieces:
     * either way it fires the same frames (those {@link FrameCodec#read} gives after the preface), and at
     * most one exception, a {@link DecoderException} around a {@link ProtocolException}, after which it
     * drops every byte; and it leaks no buffer.
     */
    @FuzzTest(maxDuration = "5m")
    void decoderPipelineDecodesOrFailsOnce(byte[] input) {
        Outcome whole = decodeThroughPipeline(input, false);
        Outcome pieces = decodeThroughPipeline(input, true);
        assertThat(pieces.prefaceEvents).as("preface events, in pieces").isEqualTo(whole.prefaceEvents);
        assertThat(pieces.frames).as("frames, in pieces").hasSameSizeAs(whole.frames);
        for (int i = 0; i < whole.frames.size(); i++) {
            assertSameFrame(pieces.frames.get(i), whole.frames.get(i));
        }
        assertThat(message(pieces.failure)).as("failure, in pieces").isEqualTo(message(whole.failure));

        Outcome expected = expectedOutcome(input);
        assertThat(whole.prefaceEvents).as("preface events").isEqualTo(expected.prefaceEvents);
        assertThat(whole.frames).as("frames").hasSameSizeAs(expected.frames);
        for (int i = 0; i < whole.frames.size(); i++) {
            assertSameFrame(whole.frames.get(i), expected.frames.get(i));
        }
        assertThat(message(whole.failure)).as("failure").isEqualTo(message(expected.failure));
    }

    // --- the codec target's checks ---

    private static void assertCleanRefusal(ProtocolException e) {
        assertThat(e.getMessage()).as("refusal message").isNotBlank();
        assertThat(e.status()).as("refusal status")
                .isIn(Status.INVALID_ARGUMENT, Status.RESOURCE_EXHAUSTED, Status.UNIMPLEMENTED);
    }

    private static void assertWellFormed(Frame frame) {
        assertThat(Frame.isKnown(frame.type())).as("known type, got %s", frame.type()).isTrue();
        assertThat(frame.flags()).as("flags").isBetween(0, 0xFF);
        assertThat(frame.streamId()).as("stream id").isNotNegative();
        assertThat(frame.body().length).as("body length").isLessThanOrEqualTo(MAX_FRAME_BYTES - FrameCodec.FIXED);
        for (String name : frame.headers().asMap().keySet()) {
            assertThat(name.length()).as("header name length").isBetween(1, 255);
        }
    }

    /** A proper prefix of a frame's bytes is an incomplete frame: null, nothing consumed. */
    private void assertNullOnEveryPrefix(ByteBuf frameBytes) {
        // Every prefix would be costly on large frames: the short ones and the longest cover every branch.
        int n = frameBytes.readableBytes();
        for (int len = 0; len < n; len = len < 12 ? len + 1 : Math.max(len + 1, n - 1)) {
            ByteBuf prefix = frameBytes.slice(0, len);
            assertThat(codec.read(prefix)).as("read of a %s-byte prefix of a %s-byte frame", len, n).isNull();
            assertThat(prefix.readerIndex()).as("reader index after a prefix").isZero();
        }
    }

    private static void assertRoundTrip(Frame frame) {
        ByteBuf encoded = Unpooled.buffer();
        ByteBuf reencoded = Unpooled.buffer();
        try {
            FrameCodec.write(frame, encoded);
            int length = encoded.readableBytes();
            Frame again = REREAD.read(encoded);
            assertThat(again).as("re-read of a re-encoded frame").isNotNull();
            assertThat(encoded.isReadable()).as("bytes left after re-reading a re-encoded frame").isFalse();
            assertSameFrame(Objects.requireNonNull(again), frame);
            // The encoding is canonical: writing the re-read frame gives the same bytes again.
            FrameCodec.write(again, reencoded);
            assertThat(ByteBufUtil.equals(encoded.resetReaderIndex(), reencoded))
                    .as("canonical re-encoding of %s (%s bytes)", frame, length).isTrue();
        } finally {
            encoded.release();
            reencoded.release();
        }
    }

    static void assertSameFrame(Frame actual, Frame expected) {
        assertThat(actual.type()).as("type").isEqualTo(expected.type());
        assertThat(actual.flags()).as("flags").isEqualTo(expected.flags());
        assertThat(actual.streamId()).as("stream id").isEqualTo(expected.streamId());
        assertThat(actual.headers().asMap()).as("headers").containsExactlyEntriesOf(expected.headers().asMap());
        assertThat(actual.body()).as("body").isEqualTo(expected.body());
    }

    // --- the pipeline target ---

    /** What a decoder fired. */
    private static final class Outcome {
        int prefaceEvents;
        final List<Frame> frames = new ArrayList<>();
        @Nullable Throwable failure;
        /** What should not have happened, noted here: an assertion in a handler would be caught by Netty. */
        final List<String> anomalies = new ArrayList<>();
    }

    /** Records what reaches the end of the pipeline, so that nothing propagates to EmbeddedChannel. */
    private static final class Recorder extends ChannelInboundHandlerAdapter {
        final Outcome outcome = new Outcome();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof Frame frame)) {
                outcome.anomalies.add("a message that is not a frame: " + msg);
                return;
            }
            if (outcome.prefaceEvents != 1 || outcome.failure != null) {
                outcome.anomalies.add("frame " + frame + " after " + outcome.prefaceEvents + " preface events and "
                        + "failure " + outcome.failure);
            }
            outcome.frames.add(frame);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt != FrameDecoder.PREFACE_RECEIVED) {
                outcome.anomalies.add("unexpected user event " + evt);
                return;
            }
            if (!outcome.frames.isEmpty() || outcome.failure != null) {
                outcome.anomalies.add("preface event after a frame or a failure");
            }
            outcome.prefaceEvents++;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (outcome.failure != null) {
                outcome.anomalies.add("a second exception: " + cause);
                return;
            }
            outcome.failure = cause;
        }
    }

    private static Outcome decodeThroughPipeline(byte[] input, boolean inPieces) {
        // A fresh, unpooled, metered allocator per run: whatever is left allocated at the end was leaked.
        UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(false, true);
        Recorder recorder = new Recorder();
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setAllocator(alloc);
        channel.pipeline().addLast(new FrameDecoder(new FrameCodec(MAX_FRAME_BYTES, MAX_HEADER_BYTES)), recorder);
        List<ByteBuf> written = new ArrayList<>();
        try {
            int offset = 0;
            while (offset < input.length) {
                // Piece sizes 1..16, taken from the input itself so that a finding replays the same way.
                int size = inPieces ? Math.min(1 + (input[offset] & 0x0F), input.length - offset)
                        : input.length;
                ByteBuf piece = alloc.heapBuffer(size).writeBytes(input, offset, size);
                written.add(piece);
                channel.writeInbound(piece);
                offset += size;
            }
        } finally {
            channel.finishAndReleaseAll();
        }
        for (ByteBuf b : written) {
            assertThat(b.refCnt()).as("reference count of an input buffer after finishAndReleaseAll").isZero();
        }
        assertThat(alloc.metric().usedHeapMemory()).as("heap bytes still allocated after finishAndReleaseAll")
                .isZero();
        assertThat(alloc.metric().usedDirectMemory()).as("direct bytes still allocated").isZero();

        assertThat(recorder.outcome.anomalies).as("anomalies").isEmpty();
        Throwable failure = recorder.outcome.failure;
        if (failure != null) {
            assertThat(failure).as("fired exception").isInstanceOf(DecoderException.class)
                    .cause().isInstanceOf(ProtocolException.class);
            assertCleanRefusal((ProtocolException) failure.getCause());
        }
        return recorder.outcome;
    }

    /** What the pipeline should fire for {@code input}: the preface, then FrameCodec.read frame by frame. */
    private static Outcome expectedOutcome(byte[] input) {
        Outcome expected = new Outcome();
        ByteBuf in = Unpooled.wrappedBuffer(input);
        try {
            if (in.readableBytes() < Preface.LENGTH) {
                return expected;
            }
            Preface.read(in);
            expected.prefaceEvents = 1;
            FrameCodec codec = new FrameCodec(MAX_FRAME_BYTES, MAX_HEADER_BYTES);
            Frame frame;
            while ((frame = codec.read(in)) != null) {
                expected.frames.add(frame);
            }
        } catch (ProtocolException e) {
            expected.failure = new DecoderException(e);
        } finally {
            in.release();
        }
        return expected;
    }

    private static @Nullable String message(@Nullable Throwable failure) {
        return failure == null ? null : Objects.requireNonNull(failure.getCause()).getMessage();
    }

    static String hex(byte[] bytes) {
        return bytes.length > 256 ? ByteBufUtil.hexDump(Arrays.copyOf(bytes, 256)) + "..."
                : ByteBufUtil.hexDump(bytes);
    }
}
