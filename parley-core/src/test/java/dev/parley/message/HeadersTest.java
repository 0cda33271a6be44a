package dev.parley.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void ofKeepsTheFirstPlaceAndTheLastValueOfARepeatedName() {
        Headers h = Headers.of("a", "1", "B", "2", "A", "3");

        assertThat(h.asMap()).containsExactly(Map.entry("a", "3"), Map.entry("b", "2"));
        assertThat(h).isEqualTo(Headers.empty().with("a", "1").with("b", "2").with("a", "3"));
    }

    @Test
    void ofRefusesAnOddCountAndANameThatIsNotVisibleAscii() {
        assertThatThrownBy(() -> Headers.of("a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd length 1");
        assertThatThrownBy(() -> Headers.of("a b", "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not visible ASCII");
        assertThatThrownBy(() -> Headers.of("", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void getFindsANameWhateverItsCase() {
        Headers h = Headers.of(HeaderNames.CONTENT_TYPE, "application/json");

        assertThat(h.get("content-type")).isEqualTo("application/json");
        assertThat(h.get("Content-Type")).isEqualTo("application/json");
        assertThat(h.get("accept")).isNull();
        assertThatThrownBy(() -> h.get("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withTheSameValueChangesNothing() {
        Headers h = Headers.of("a", "1");

        assertThat(h.with("A", "1")).isSameAs(h);
        assertThat(h.with("a", "2").get("a")).isEqualTo("2");
        assertThat(h.get("a")).isEqualTo("1");
    }
}
