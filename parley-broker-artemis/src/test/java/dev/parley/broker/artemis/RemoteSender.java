package dev.parley.broker.artemis;

import dev.parley.Parley;
import dev.parley.testkit.messaging.MessagingSuiteContracts.Order;
import dev.parley.testkit.messaging.MessagingSuiteContracts.Orders;
import dev.parley.testkit.messaging.MessagingSuiteContracts.Receipt;

/** Run in a separate JVM by {@link EmbeddedReachableFromAnotherProcessTest}: one call over {@code artemis://}. */
public final class RemoteSender {

    private RemoteSender() {
    }

    /** {@code args}: the address, an order id. Prints the receipt; exits 0 when the call succeeded. */
    public static void main(String[] args) throws Exception {
        try (Parley parley = Parley.builder().instance("remote-sender").build()) {
            Receipt r = parley.client(Orders.class, args[0]).place(new Order(args[1], 1));
            System.out.println("receipt " + r.orderId() + " by " + r.by());
        }
        System.exit(0);
    }
}
