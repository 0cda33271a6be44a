package dev.parley.codec.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.parley.codec.Codec;
import dev.parley.codec.CodecException;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One type's JSON codec: a prepared reader and writer. */
final class JsonCodec<T> implements Codec<T> {

    private final ObjectReader reader;
    private final ObjectWriter writer;
    private final JavaType type;

    JsonCodec(ObjectReader reader, ObjectWriter writer, JavaType type) {
        this.reader = reader;
        this.writer = writer;
        this.type = type;
    }

    @Override
    public String mediaType() {
        return JsonCodecFactory.MEDIA_TYPE;
    }

    @Override
    public byte[] encode(T value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw CodecException.encode("cannot write " + type.toCanonical() + " as JSON"
                    + at(e) + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public T decode(byte[] body) {
        try {
            return reader.readValue(body);
        } catch (JacksonException e) {
            StreamConstraintsException limit = limit(e);
            if (limit != null) {
                throw CodecException.decode("JSON body for " + simple() + " exceeds a limit" + at(e) + ": "
                        + limit.getOriginalMessage(), e);
            }
            throw CodecException.decode("bad JSON for " + simple() + at(e) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw CodecException.decode("unreadable JSON for " + simple() + ": " + e.getMessage(), e);
        }
    }

    private static @Nullable StreamConstraintsException limit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException s) {
                return s;
            }
        }
        return null;
    }

    private String simple() {
        return type.getRawClass().getSimpleName();
    }

    /** The field at fault, as {@code at 'pickup.location[2].lat'}, when Jackson knows it. */
    static String at(JacksonException e) {
        if (!(e instanceof JsonMappingException m)) {
            return "";
        }
        List<JsonMappingException.Reference> path = m.getPath();
        if (path.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return " at field '" + sb + "'";
    }
}
