package dev.parley.benchmarks.local;

/**
 * About 1 KiB on the wire as JSON: the body size every Parley benchmark uses (BENCHMARKS.md).
 *
 * @param text 1024 ASCII characters
 * @param sequence a number, so the codec handles more than one field
 */
public record Payload(String text, int sequence) {

    /** A payload of {@code size} ASCII characters. */
    public static Payload ofSize(int size) {
        StringBuilder sb = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            sb.append((char) ('a' + i % 26));
        }
        return new Payload(sb.toString(), 42);
    }
}
