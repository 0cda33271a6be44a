package dev.parley.contract.tools;

import dev.parley.contract.tools.internal.OpenApiImport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an OpenAPI 3.0 or 3.1 document (YAML or JSON) into an {@link ApiModel}, so that the compatibility
 * checker compares OpenAPI documents as it compares Java contracts. Each operation's parameters (path, query,
 * header) and body properties become the fields of its one input, as the HTTP binding puts a parameter record
 * together; its lowest 2xx reply is its output; its {@code http} binding is {@code METHOD /path} (the first
 * server's path prepended, a leading {@code /v{major}} taken off, as Parley serves every resource under it).
 * What a Parley contract cannot express is left out or read as less; see docs/evolution.md, "Contract-first".
 *
 * <p>Needs swagger-parser ({@code io.swagger.parser.v3:swagger-parser}) on the class path: an optional
 * dependency of this module.
 */
public final class OpenApiReader {

    private OpenApiReader() {
    }

    /** The model of the document in {@code file}. */
    public static ApiModel read(Path file) {
        return read(text(file), file.toString());
    }

    /**
     * The model of {@code text}, a YAML or JSON OpenAPI document.
     *
     * @param where names the document in errors
     * @throws IllegalArgumentException when it is not an OpenAPI 3.x document
     */
    public static ApiModel read(String text, String where) {
        return OpenApiImport.read(text, where).model();
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
