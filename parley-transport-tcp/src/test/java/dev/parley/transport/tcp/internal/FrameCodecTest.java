package dev.parley.transport.tcp.internal;

import dev.parley.testkit.NettyLeakCheck;
import static dev.parley.transport.tcp.internal.FrameCodecFuzzTest.assertSameFrame;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.Status;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The frame decoder on the cases of docs/protocol.md, one by one; the same cases seed
 * {@link FrameCodecFuzzTest}. Each malformed frame is refused with a {@link ProtocolException} that names
 * the problem.
 */
@ExtendWith(NettyLeakCheck.class)
class FrameCodecTest {

    private static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 1024;

    private final FrameCodec codec = new FrameCodec(MAX_FRAME_BYTES, MAX_HEADER_BYTES);
    private final List<ByteBuf> buffers = new ArrayList<>();

    @AfterEach
    void releaseBuffers() {
        buffers.forEach(ByteBuf::release);
    }

    // --- round trips ---

    @ParameterizedTest(name = "type {0}")
    @ValueSource(ints = {Frame.REQUEST, Frame.RESPONSE, Frame.ONE_WAY, Frame.CANCEL, Frame.ERROR, Frame.PING,
            Frame.GO_AWAY})
    void everyFrameTypeRoundTrips(int type) {
        Frame frame = new Frame(type, 0, type == Frame.PING || type == Frame.GO_AWAY ? 0 : 2 * type + 1,
                Headers.of(HeaderNames.CONTENT_TYPE, "application/json", HeaderNames.OPERATION, "greet",
                        "x-unicode", "grüße, 世界"),
                "{\"name\":\"Ada\"}".getBytes(UTF_8));
        ByteBuf buf = buffer();
        FrameCodec.write(frame, buf);

        Frame read = codec.read(buf);

        assertThat(read).isNotNull();
        assertSameFrame(Objects.requireNonNull(read), frame);
        assertThat(buf.isReadable()).as("bytes left").isFalse();
    }

    @Test
    void pingAckRoundTripsWithItsFlagAndEightByteBody() {
        Frame ping = new Frame(Frame.PING, Frame.ACK, 0, Headers.empty(), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        Frame read = roundTrip(ping);

        assertSameFrame(read, ping);
        assertThat(read.flags()).isEqualTo(Frame.ACK);
    }

    @Test
    void goAwayRoundTripsWithStatusAndLastStream() {
        Frame goAway = Frames.goAway(Status.UNAVAILABLE, "shutting down", 7);

        Frame read = roundTrip(goAway);

        assertSameFrame(read, goAway);
        assertThat(read.headers().get(HeaderNames.STATUS)).isEqualTo("UNAVAILABLE");
        assertThat(read.headers().get(Frame.LAST_STREAM)).isEqualTo("7");
        assertThat(Frames.text(read.body())).isEqualTo("shutting down");
    }

    @Test
    void emptyFrameRoundTrips() {
        Frame cancel = new Frame(Frame.CANCEL, 0, 5, Headers.empty(), Frame.NO_BODY);
        ByteBuf buf = buffer();
        FrameCodec.write(cancel, buf);

        assertThat(ByteBufUtil.hexDump(buf)).isEqualTo("00000008" + "04" + "00" + "00000005" + "0000");
        assertSameFrame(Objects.requireNonNull(codec.read(buf)), cancel);
    }

    @Test
    void reservedFlagsAreKeptForTheReceiverToIgnore() {
        Frame request = new Frame(Frame.REQUEST, 0xFE, 1, Headers.empty(), Frame.NO_BODY);

        assertThat(roundTrip(request).flags()).isEqualTo(0xFE);
    }

    @Test
    void framesBackToBackAreReadOneAtATime() {
        Frame first = new Frame(Frame.REQUEST, 0, 1, Headers.of("a", "1"), "one".getBytes(UTF_8));
        Frame second = new Frame(Frame.CANCEL, 0, 1, Headers.empty(), Frame.NO_BODY);
        ByteBuf buf = buffer();
        FrameCodec.write(first, buf);
        FrameCodec.write(second, buf);

        assertSameFrame(Objects.requireNonNull(codec.read(buf)), first);
        assertSameFrame(Objects.requireNonNull(codec.read(buf)), second);
        assertThat(codec.read(buf)).isNull();
    }

    @Test
    void aHeaderThatUsuallyRepeatsIsReadAfreshWhenItChanges() {
        ByteBuf buf = buffer();
        for (String operation : new String[] {"greet", "greet", "great", "grüße"}) {
            FrameCodec.write(new Frame(Frame.REQUEST, 0, 1, Headers.of(HeaderNames.OPERATION, operation),
                    Frame.NO_BODY), buf);
        }

        List<String> read = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            read.add(Objects.requireNonNull(codec.read(buf)).headers().get(HeaderNames.OPERATION));
        }

        assertThat(read).containsExactly("greet", "greet", "great", "grüße");
    }

    @Test
    void aFrameWithABudgetCarriesItAsTheDeadlineHeaderInPlaceOfOneItHad() {
        Frame frame = new Frame(Frame.REQUEST, 0, 1, Headers.of(HeaderNames.DEADLINE, "5", "a", "1"),
                Frame.NO_BODY, 1234);
        ByteBuf buf = buffer();
        FrameCodec.write(frame, buf);

        Frame read = Objects.requireNonNull(codec.read(buf));

        assertThat(read.headers().asMap()).containsExactly(java.util.Map.entry("a", "1"),
                java.util.Map.entry(HeaderNames.DEADLINE, "1234"));
        assertThat(FrameCodec.headerBlockSize(frame.headers(), frame.deadlineMillis()))
                .isEqualTo(FrameCodec.headerBlockSize(read.headers(), -1));
    }

    @Test
    void upperCaseHeaderNamesAreReadInLowerCase() {
        ByteBuf buf = bytes("0000000f" + "01" + "00" + "00000001" + "0006" + "01" + "41" + "0002" + "6869"
                + "21");

        Frame read = Objects.requireNonNull(codec.read(buf));

        assertThat(read.headers().asMap()).containsExactly(java.util.Map.entry("a", "hi"));
        assertThat(read.body()).containsExactly('!');
    }

    /**
     * Regression, found by {@link FrameCodecFuzzTest}: a name byte over 0x7f used to be read as an
     * ISO-8859-1 character and written back as '?', so the frame changed in a round trip. Names are visible
     * ASCII (docs/protocol.md); anything else is malformed.
     */
    @Test
    void nonAsciiHeaderNameIsRefused() {
        // One header, name: the single byte 0xe0, value "1" (found by the fuzzer).
        ByteBuf buf = bytes("0000000d" + "01" + "00" + "00000001" + "0005" + "01" + "e0" + "0001" + "31");
        assertThatThrownBy(() -> codec.read(buf))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.status()).isEqualTo(dev.parley.Status.INVALID_ARGUMENT))
                .hasMessageContaining("header name byte 0xe0 is not visible ASCII");
    }

    // --- incomplete input: null, nothing consumed ---

    @Test
    void emptyInputNeedsMoreBytes() {
        ByteBuf buf = buffer();

        assertThat(codec.read(buf)).isNull();
    }

    @Test
    void truncatedFrameNeedsMoreBytesAndConsumesNothing() {
        Frame request = new Frame(Frame.REQUEST, 0, 1, Headers.of(HeaderNames.CONTENT_TYPE, "text/plain"),
                "hello".getBytes(UTF_8));
        ByteBuf whole = buffer();
        FrameCodec.write(request, whole);
        int length = whole.readableBytes();

        for (int available = 0; available < length; available++) {
            ByteBuf prefix = whole.slice(0, available);
            assertThat(codec.read(prefix)).as("%s of %s bytes", available, length).isNull();
            assertThat(prefix.readerIndex()).as("reader index with %s of %s bytes", available, length).isZero();
        }
        assertSameFrame(Objects.requireNonNull(codec.read(whole)), request);
    }

    // --- malformed and over-limit frames ---

    @Test
    void frameClaiming2pow31Minus1BytesIsRefusedOnItsLengthAlone() {
        ByteBuf onlyTheLength = bytes("7fffffff");
        assertThat(onlyTheLength.readableBytes()).isEqualTo(4);

        assertRefused(() -> codec.read(onlyTheLength), Status.RESOURCE_EXHAUSTED)
                .withMessage("frame of 2147483647 bytes exceeds the limit of 65536");
    }

    @Test
    void frameOneByteOverTheLimitIsRefused() {
        assertRefused(() -> codec.read(bytes("00010001")), Status.RESOURCE_EXHAUSTED)
                .withMessageContaining("65537 bytes exceeds the limit");
    }

    @Test
    void lengthUnderTheFixedPartIsMalformed() {
        assertRefused(() -> codec.read(bytes("00000007")), Status.INVALID_ARGUMENT)
                .withMessage("malformed frame: length 7 is under 8");
    }

    @Test
    void unknownFrameTypeIsMalformed() {
        ByteBuf buf = bytes("0000000c" + "2a" + "00" + "00000001" + "0000" + "61626364");

        assertRefused(() -> codec.read(buf), Status.INVALID_ARGUMENT)
                .withMessage("malformed frame: unknown frame type 0x2a");
    }

    @Test
    void frameTypeZeroIsUnknown() {
        assertRefused(() -> codec.read(bytes("00000008" + "00" + "00" + "00000001" + "0000")),
                Status.INVALID_ARGUMENT).withMessageContaining("unknown frame type 0x00");
    }

    @Test
    void streamIdWithTheHighBitSetIsMalformed() {
        ByteBuf buf = bytes("00000008" + "01" + "00" + "80000001" + "0000");

        assertRefused(() -> codec.read(buf), Status.INVALID_ARGUMENT)
                .withMessage("malformed frame: stream id 2147483649 is over 2^31-1");
    }

    @Test
    void headerBlockOverTheLimitIsRefused() {
        ByteBuf buf = bytes("00000008" + "01" + "00" + "00000001" + "07d0"); // hlen 2000

        assertRefused(() -> codec.read(buf), Status.RESOURCE_EXHAUSTED)
                .withMessage("header block of 2000 bytes exceeds the limit of 1024");
    }

    @Test
    void headerBlockOverrunningTheFrameIsMalformed() {
        ByteBuf buf = bytes("0000000b" + "01" + "00" + "00000001" + "0064" + "616263"); // hlen 100, 3 bytes

        assertRefused(() -> codec.read(buf), Status.INVALID_ARGUMENT)
                .withMessage("malformed frame: header block of 100 bytes overruns the frame");
    }

    @Test
    void headerEntryNotFillingItsBlockIsMalformed() {
        // Block of 8 bytes: the entry a=b (5 bytes), then 3 bytes that start an entry and stop short.
        ByteBuf buf = bytes("00000010" + "01" + "00" + "00000001" + "0008" + "01" + "61" + "0001" + "62"
                + "05" + "6162");

        assertRefused(() -> codec.read(buf), Status.INVALID_ARGUMENT)
                .withMessage("malformed frame: header entry does not fit its block");
    }

    @Test
    void headerNameOfLengthZeroIsMalformed() {
        ByteBuf buf = bytes("0000000b" + "01" + "00" + "00000001" + "0003" + "00" + "0000");

        assertRefused(() -> codec.read(buf), Status.INVALID_ARGUMENT)
                .withMessage("malformed frame: header entry does not fit its block");
    }

    @Test
    void headerValueOverrunningItsBlockIsMalformed() {
        // Block of 7 bytes: name "a", value length 9, only 3 value bytes.
        ByteBuf buf = bytes("0000000f" + "01" + "00" + "00000001" + "0007" + "01" + "61" + "0009" + "78797a");

        assertRefused(() -> codec.read(buf), Status.INVALID_ARGUMENT)
                .withMessage("malformed frame: header 'a' value does not fit its block");
    }

    // --- the Netty decoder: preface first, nothing trusted after a refusal ---

    @Test
    void decoderReadsThePrefaceThenFrames() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(codec));
        try {
            ByteBuf in = Unpooled.buffer();
            Preface.write(in);
            FrameCodec.write(Frames.goAway(Status.UNAVAILABLE, "bye", 3), in);

            channel.writeInbound(in);

            Frame read = channel.readInbound();
            assertSameFrame(read, Frames.goAway(Status.UNAVAILABLE, "bye", 3));
            Object next = channel.readInbound();
            assertThat(next).as("a second frame").isNull();
        } finally {
            assertThat(channel.finishAndReleaseAll()).isFalse();
        }
    }

    @Test
    void decoderRefusesABadPrefaceSilently() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(codec));
        try {
            assertThatThrownBy(() -> channel.writeInbound(Unpooled.copiedBuffer("GET / HTTP/1.1\r\n", UTF_8)))
                    .isInstanceOf(DecoderException.class)
                    .cause().isInstanceOfSatisfying(ProtocolException.class, e -> {
                        assertThat(e.silent()).isTrue();
                        assertThat(e).hasMessage("not a Parley connection (bad preface)");
                    });
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void decoderRefusesAnotherMajorVersion() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(codec));
        try {
            assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(
                    ByteBufUtil.decodeHexDump("50524c59" + "02" + "00" + "0000"))))
                    .isInstanceOf(DecoderException.class)
                    .cause().isInstanceOfSatisfying(ProtocolException.class, e -> {
                        assertThat(e.status()).isEqualTo(Status.UNIMPLEMENTED);
                        assertThat(e.silent()).isFalse();
                    });
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void decoderDropsEveryByteAfterARefusedFrame() {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(codec));
        try {
            ByteBuf in = Unpooled.buffer();
            Preface.write(in);
            in.writeBytes(ByteBufUtil.decodeHexDump("0000000c" + "2a" + "00" + "00000001" + "0000" + "61626364"));
            ByteBuf ping = Unpooled.buffer();
            FrameCodec.write(new Frame(Frame.PING, 0, 0, Headers.empty(), new byte[8]), ping);

            assertThatThrownBy(() -> channel.writeInbound(in)).isInstanceOf(DecoderException.class)
                    .hasCauseInstanceOf(ProtocolException.class)
                    .cause().hasMessageContaining("unknown frame type 0x2a");
            assertThat(channel.writeInbound(ping)).as("a frame after the refusal").isFalse();
            assertThat(ping.refCnt()).isZero();
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    // --- helpers ---

    private static ThrowableAssertAlternative<ProtocolException> assertRefused(ThrowingCallable read,
            Status status) {
        return org.assertj.core.api.Assertions.assertThatExceptionOfType(ProtocolException.class)
                .isThrownBy(read)
                .satisfies(e -> assertThat(e.status()).as("status").isEqualTo(status));
    }

    private Frame roundTrip(Frame frame) {
        ByteBuf buf = buffer();
        FrameCodec.write(frame, buf);
        Frame read = codec.read(buf);
        assertThat(buf.isReadable()).as("bytes left").isFalse();
        return Objects.requireNonNull(read);
    }

    private ByteBuf buffer() {
        ByteBuf buf = Unpooled.buffer();
        buffers.add(buf);
        return buf;
    }

    private ByteBuf bytes(String hex) {
        return buffer().writeBytes(ByteBufUtil.decodeHexDump(hex));
    }
}
