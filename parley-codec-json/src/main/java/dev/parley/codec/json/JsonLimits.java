package dev.parley.codec.json;

/**
 * What a JSON body may not exceed; a body past a limit is refused with INVALID_ARGUMENT naming the limit.
 *
 * @param maxDocumentBytes the whole body
 * @param maxNestingDepth objects and arrays inside one another
 * @param maxStringLength one string value
 * @param maxNumberLength the digits of one number
 */
public record JsonLimits(int maxDocumentBytes, int maxNestingDepth, int maxStringLength, int maxNumberLength) {

    /** 4 MiB document (the TCP transport's frame limit), depth 64, 1 MiB strings, 100-digit numbers. */
    public static final JsonLimits DEFAULT = new JsonLimits(4 * 1024 * 1024, 64, 1024 * 1024, 100);

    public JsonLimits {
        positive(maxDocumentBytes, "maxDocumentBytes");
        positive(maxNestingDepth, "maxNestingDepth");
        positive(maxStringLength, "maxStringLength");
        positive(maxNumberLength, "maxNumberLength");
    }

    private static void positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
    }
}
