package dev.parley.benchmarks.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.parley.benchmarks.local.Payload;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The event a raw peer publishes: the {@link Payload} that Parley's peer publishes, written as JSON with
 * Jackson for every message and read back on every arrival, as a user of the raw client writes an event
 * object and reads it back. Parley's codec does the same work, so the comparison is of the messaging layers,
 * not of having a codec at all (the codec is S6's comparison). With {@code -Dbench.raw.bytes=true} the raw
 * peers send the same JSON as one constant array and read nothing: Parley's whole cost, codec included, over
 * a client that only moves bytes (docs/benchmarks.md, messaging).
 */
final class RawEvent {

    /** The probe: a constant body, not written per message and not read on arrival. */
    static final boolean BYTES = Boolean.getBoolean("bench.raw.bytes");

    private static final Payload PAYLOAD = ParleyPeer.PAYLOAD;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writerFor(Payload.class);
    private static final ObjectReader READER = MAPPER.readerFor(Payload.class);
    private static final byte[] CONSTANT = write();

    private RawEvent() {
    }

    /** The body of the next message. */
    static byte[] body() {
        return BYTES ? CONSTANT : write();
    }

    /** Reads an arrived body back into the event, as a subscriber's code would. */
    static void read(byte[] body) {
        if (BYTES) {
            return;
        }
        try {
            Payload p = READER.readValue(body);
            if (p.sequence() != PAYLOAD.sequence()) {
                throw new IllegalStateException("not the event that was published: " + p.sequence());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write() {
        try {
            return WRITER.writeValueAsBytes(PAYLOAD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
