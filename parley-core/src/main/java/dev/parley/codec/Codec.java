package dev.parley.codec;

/**
 * Encodes and decodes values of one type in one media type. Made by a {@link CodecFactory} once per
 * operation and reused by every call, so it must be thread-safe.
 *
 * @param <T> the value type
 */
public interface Codec<T> {

    /** The media type of the bodies this codec writes, e.g. {@code application/json}. */
    String mediaType();

    /** The value as a body; fails with {@link CodecException} and status INTERNAL. */
    byte[] encode(T value);

    /**
     * The value in {@code body}; fails with {@link CodecException} and status INVALID_ARGUMENT, naming the
     * field at fault where the format allows.
     */
    T decode(byte[] body);
}
