package dev.parley.codec.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import dev.parley.codec.Codec;
import dev.parley.codec.CodecFactory;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * JSON on Jackson, the default codec: records, {@code java.time} as ISO-8601 strings, {@code Optional}.
 * A tolerant reader: unknown properties are ignored, missing ones take their defaults (empty for
 * collections and {@code Optional}, zero for primitives, null otherwise). No default typing: no type ids
 * are ever read from a body.
 */
public final class JsonCodecFactory implements CodecFactory {

    public static final String MEDIA_TYPE = "application/json";

    private final ObjectMapper mapper;

    /** With {@link JsonLimits#DEFAULT}. */
    public JsonCodecFactory() {
        this(JsonLimits.DEFAULT);
    }

    public JsonCodecFactory(JsonLimits limits) {
        this(mapper(requireNonNull(limits, "limits")));
    }

    /** With a mapper of your own; it should keep the tolerant-reader settings and limits. */
    public JsonCodecFactory(ObjectMapper mapper) {
        this.mapper = requireNonNull(mapper, "mapper");
    }

    /** The mapper Parley configures: tolerant reads, explicit limits, no default typing. */
    public static ObjectMapper mapper(JsonLimits limits) {
        // Handlers run on a fresh virtual thread per call, so Jackson's default per-thread buffer recycling
        // would start empty every time there; I/O threads keep theirs (RecyclerPools).
        JsonFactory factory = JsonFactory.builder().recyclerPool(RecyclerPools.INSTANCE).build();
        JsonMapper m = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new ParameterNamesModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(MapperFeature.BLOCK_UNSAFE_POLYMORPHIC_BASE_TYPES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT,
                        JsonInclude.Include.NON_ABSENT))
                .build();
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(limits.maxDocumentBytes())
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNumberLength(limits.maxNumberLength())
                .build());
        JsonSetter.Value asEmpty = JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY);
        m.configOverride(List.class).setSetterInfo(asEmpty);
        m.configOverride(Collection.class).setSetterInfo(asEmpty);
        m.configOverride(Set.class).setSetterInfo(asEmpty);
        m.configOverride(Map.class).setSetterInfo(asEmpty);
        return m;
    }

    @Override
    public @Nullable Codec<?> create(String mediaType, Type type) {
        if (!MEDIA_TYPE.equals(mediaType) && !mediaType.endsWith("+json")) {
            return null;
        }
        JavaType javaType = mapper.constructType(type);
        return new JsonCodec<>(mapper.readerFor(javaType), mapper.writerFor(javaType), javaType);
    }

    @Override
    public List<String> mediaTypes() {
        return List.of(MEDIA_TYPE);
    }

    @Override
    public String name() {
        return "json";
    }
}
