package dev.parley.broker.artemis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.messaging.MessagingOptions;
import dev.parley.testkit.messaging.MessagingSuiteContracts.Order;
import dev.parley.testkit.messaging.MessagingSuiteContracts.Orders;
import dev.parley.testkit.messaging.MessagingSuiteContracts.Receipt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A service served at {@code embedded:NAME} is called by another JVM at {@code artemis://127.0.0.1:PORT/NAME}. */
class EmbeddedReachableFromAnotherProcessTest {

    @Test
    void anotherProcessCallsAServiceOnTheEmbeddedBrokerOverTcp() throws Exception {
        ArtemisOptions options = ArtemisTestBroker.OPTIONS;
        try (Parley server = Parley.builder().instance("embedded-server")
                .transport(new ArtemisTransportProvider(options, MessagingOptions.DEFAULT)).build()) {
            server.serve(Orders.class, new Orders() {
                @Override
                public Receipt place(Order order) {
                    return new Receipt(order.id(), "embedded");
                }

                @Override
                public CompletableFuture<Receipt> placeLater(Order order) {
                    return CompletableFuture.completedFuture(place(order));
                }

                @Override
                public void record(Order order) {
                }
            }, "embedded:remote-orders");

            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String address = "artemis://" + options.host() + ":" + options.port() + "/remote-orders";
            Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    RemoteSender.class.getName(), address, "from-afar")).redirectErrorStream(true).start();
            boolean exited = p.waitFor(60, TimeUnit.SECONDS);
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!exited) {
                p.destroyForcibly();
            }
            assertThat(exited).as("the other process finished; its output:%n%s", output).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains("receipt from-afar by embedded");
        }
    }
}
