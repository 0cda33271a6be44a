package dev.parley.testkit.messaging;

import dev.parley.Contract;
import dev.parley.OneWay;
import dev.parley.Publish;
import dev.parley.Replies;
import java.util.concurrent.CompletableFuture;

/** The contracts the messaging contract suite exercises: every interaction style over a broker. */
public final class MessagingSuiteContracts {

    private MessagingSuiteContracts() {
    }

    public record Order(String id, int amount) {
    }

    public record Receipt(String orderId, String by) {
    }

    public record Quote(String by, int price) {
    }

    /** Thrown for an order with a negative amount; declared, so it is an ordinary error reply. */
    public static final class OrderRejected extends Exception {
        private static final long serialVersionUID = 1L;

        public OrderRejected(String message) {
            super(message);
        }
    }

    @Contract(name = "msuite-orders", version = "1.0")
    public interface Orders {
        /** request/response */
        Receipt place(Order order) throws OrderRejected;

        /** request/async-response */
        CompletableFuture<Receipt> placeLater(Order order);

        /** notification */
        @OneWay
        void record(Order order);
    }

    @Contract(name = "msuite-order-events", version = "1.0")
    public interface OrderEvents {
        /** publish/subscribe */
        @Publish
        void placed(Order order);
    }

    @Contract(name = "msuite-quotes", version = "1.0")
    public interface Quotes {
        /** publish/async-response */
        @Publish
        Replies<Quote> quote(Order order);
    }
}
