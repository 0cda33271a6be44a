package dev.parley.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.CallContext;
import dev.parley.Contract;
import dev.parley.Parley;
import dev.parley.testkit.ManualScheduler;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Policies from configuration: the most specific key wins, the order is the documented one. */
class ConfiguredPolicyTest {

    record Ask(String text) {
    }

    @Contract(name = "shop")
    public interface Shop {
        String browse(Ask a);

        String pay(Ask a);
    }

    private final ManualScheduler clock = new ManualScheduler();
    private final Parley parley = Parley.builder().scheduler(clock).build();

    @AfterEach
    void close() {
        parley.close();
    }

    @Test
    void eachOperationGetsWhatItsKeysSayInTheDocumentedOrder() {
        parley.serve(Shop.class, new Shop() {
            @Override
            public String browse(Ask a) {
                return CallContext.current().deadline().remaining().toString();
            }

            @Override
            public String pay(Ask a) {
                return browse(a);
            }
        }, "local:shop");
        Shop shop = parley.client(Shop.class).at("local:shop").policy(ConfiguredPolicy.from(Map.of(
                "timeout", "2s",
                "shop.pay.timeout", "PT0.25S",
                "shop.retry.max-attempts", "3",
                "shop.breaker.window", "10",
                "shop.pay.breaker", "off",
                "bulkhead", "8"))).build();
        assertThat(shop.toString())
                .contains("browse: timeout(2000ms) -> retry -> circuit-breaker -> bulkhead -> deadline")
                .contains("pay: timeout(250ms) -> retry -> bulkhead -> deadline");
        assertThat(shop.browse(new Ask("x"))).isEqualTo("PT2S");
        assertThat(shop.pay(new Ask("x"))).isEqualTo("PT0.25S");
    }

    @Test
    void aValueThatCannotBeReadNamesItsKey() {
        assertThatThrownBy(() -> parley.client(Shop.class).at("local:shop")
                .policy(ConfiguredPolicy.from(Map.of("shop.browse.timeout", "soon"))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shop.browse.timeout: 'soon' is not a duration");
        assertThatThrownBy(() -> parley.client(Shop.class).at("local:shop")
                .policy(ConfiguredPolicy.from(Map.of("bulkhead", "lots"))).build())
                .hasMessageContaining("bulkhead: 'lots' is not a whole number");
    }
}
