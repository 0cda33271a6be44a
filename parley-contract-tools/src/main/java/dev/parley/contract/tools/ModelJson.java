package dev.parley.contract.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An {@link ApiModel} as JSON: what {@code parley contract export} writes and a build keeps as its baseline.
 * Reading is tolerant (unknown properties are ignored), so a newer model file still reads.
 */
public final class ModelJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .build();

    private ModelJson() {
    }

    /** The mapper the tools write JSON with (indented, nulls left out). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(ApiModel model) {
        try {
            return MAPPER.writeValueAsString(model) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the model of " + model + " as JSON", e);
        }
    }

    /** Reads a model; a file that is not one gets an {@link IllegalArgumentException} naming the file. */
    public static ApiModel read(Path file) {
        try {
            return read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public static ApiModel read(String json) {
        try {
            return MAPPER.readValue(json, ApiModel.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a Parley contract model: " + e.getOriginalMessage(), e);
        }
    }
}
