package dev.parley.contract.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Contract;
import dev.parley.Idempotent;
import dev.parley.Parley;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tolerant reader, proven over JSON: for a minor version that makes every compatible message change of the
 * catalogue at once, old client against new server and new client against old server both work.
 */
class CompatibilityMatrixTest {

    enum SizeV10 { S, M, L }

    enum SizeV11 { S, M, L, XL }

    enum StateV10 { OPEN, PAID, LOST }

    enum StateV11 { OPEN, PAID }

    record OrderRequestV10(String item, @Nullable String note, SizeV10 size, int count, String channel) {
    }

    /** note removed, gift added optional, size widened, count widened to long, channel made optional. */
    record OrderRequestV11(String item, Optional<String> gift, SizeV11 size, long count, Optional<String> channel) {
    }

    record OrderV10(String id, Optional<String> eta, StateV10 state, Optional<String> receipt) {
    }

    /** eta (optional) removed, courier added, state narrowed, receipt made required. */
    record OrderV11(String id, String courier, StateV11 state, String receipt) {
    }

    @Contract(name = "orders", version = "1.0")
    interface OrdersV10 {
        OrderV10 place(OrderRequestV10 request);
    }

    @Contract(name = "orders", version = "1.1")
    interface OrdersV11 {
        @Idempotent
        OrderV11 place(OrderRequestV11 request);

        List<OrderV11> open();
    }

    private final Parley server = Parley.builder().build();
    private final Parley client = Parley.builder().build();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void theCheckerCallsEveryChangeCompatible() {
        DiffReport report = CompatibilityChecker.compare(ApiModel.of(OrdersV10.class), ApiModel.of(OrdersV11.class));
        assertThat(report.changes(Severity.BREAKING)).as(report.text()).isEmpty();
        assertThat(report.changes()).extracting(Change::rule).contains(Rule.REQUEST_FIELD_REMOVED,
                Rule.REQUEST_FIELD_ADDED_OPTIONAL, Rule.REQUEST_ENUM_WIDENED, Rule.FORMAT_WIDENED,
                Rule.RESPONSE_OPTIONAL_FIELD_REMOVED, Rule.RESPONSE_FIELD_ADDED, Rule.RESPONSE_ENUM_NARROWED,
                Rule.REQUEST_FIELD_MADE_OPTIONAL, Rule.RESPONSE_FIELD_MADE_REQUIRED, Rule.IDEMPOTENCY_ADDED,
                Rule.OPERATION_ADDED);
    }

    @Test
    void oldClientNewServer() {
        server.serve(OrdersV11.class, new OrdersV11() {
            @Override
            public OrderV11 place(OrderRequestV11 r) {
                assertThat(r.gift()).isEmpty(); // an old client never sends it
                assertThat(r.channel()).contains("app"); // an old client always sends it
                return new OrderV11(r.item() + "/" + r.size() + "/" + r.count(), "Bo", StateV11.PAID, "r-2");
            }

            @Override
            public List<OrderV11> open() {
                return List.of();
            }
        }, "local:orders-new");
        OrdersV10 old = client.client(OrdersV10.class, "local:orders-new");
        OrderV10 reply = old.place(new OrderRequestV10("tea", "no sugar", SizeV10.L, 2, "app"));
        assertThat(reply).isEqualTo(new OrderV10("tea/L/2", Optional.empty(), StateV10.PAID, Optional.of("r-2")));
    }

    @Test
    void newClientOldServer() {
        server.serve(OrdersV10.class, r -> new OrderV10(r.item() + "/" + r.size() + "/" + r.count() + "/" + r.note()
                + "/" + r.channel(), Optional.of("5 min"), StateV10.OPEN, Optional.of("r-1")), "local:orders-old");
        OrdersV11 fresh = client.client(OrdersV11.class, "local:orders-old");
        OrderV11 reply = fresh.place(new OrderRequestV11("tea", Optional.of("bow"), SizeV11.M, 3, Optional.of("web")));
        // The new field an old server does not write reads as its default: null for a required one.
        assertThat(reply).isEqualTo(new OrderV11("tea/M/3/null/web", null, StateV11.OPEN, "r-1"));
    }
}
