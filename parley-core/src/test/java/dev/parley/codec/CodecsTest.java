package dev.parley.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.ParleyException;
import dev.parley.Status;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CodecsTest {

    /** Speaks text/plain for strings only. */
    static final class TextFactory implements CodecFactory {
        @Override
        public @Nullable Codec<?> create(String mediaType, Type type) {
            if (!mediaType.equals("text/plain") || type != String.class) {
                return null;
            }
            return new Codec<String>() {
                @Override
                public String mediaType() {
                    return "text/plain";
                }

                @Override
                public byte[] encode(String value) {
                    return value.getBytes(StandardCharsets.UTF_8);
                }

                @Override
                public String decode(byte[] body) {
                    return new String(body, StandardCharsets.UTF_8);
                }
            };
        }

        @Override
        public List<String> mediaTypes() {
            return List.of("text/plain");
        }

        @Override
        public String name() {
            return "text";
        }
    }

    static final class NeverFactory implements CodecFactory {
        @Override
        public @Nullable Codec<?> create(String mediaType, Type type) {
            return null;
        }

        @Override
        public List<String> mediaTypes() {
            return List.of("application/never");
        }
    }

    @Test
    void firstFactoryThatAnswersWins() {
        Codecs codecs = Codecs.of(List.of(new NeverFactory(), new TextFactory()));
        Codec<String> c = codecs.codec("Text/Plain; charset=utf-8", String.class);
        assertThat(c.decode(c.encode("hé"))).isEqualTo("hé");
        assertThat(codecs.defaultMediaType()).isEqualTo("application/never");
        assertThat(codecs.supports("text/plain;charset=utf-8")).isTrue();
    }

    @Test
    void whenNothingMatchesTheErrorListsEveryFactoryTried() {
        Codecs codecs = Codecs.of(List.of(new NeverFactory(), new TextFactory()));
        assertThatThrownBy(() -> codecs.codec("application/xml", Integer.class))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.status()).isEqualTo(Status.UNIMPLEMENTED))
                .hasMessageContaining("no codec for application/xml and java.lang.Integer")
                .hasMessageContaining("NeverFactory [application/never]")
                .hasMessageContaining("text [text/plain]");
    }

    @Test
    void withoutAnyCodecTheErrorSaysWhatToAdd() {
        assertThatThrownBy(() -> Codecs.of(List.of()).defaultMediaType())
                .hasMessageContaining("parley-codec-json");
    }
}
