package dev.parley.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.messaging.spi.Destination;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChannelsTest {

    @Test
    void brokerIsTheAddressWithoutItsPathAndKeepsRawCredentialsAndHostLists() {
        assertThat(Channels.broker(URI.create("amqp://u:p%40ss@h:5672/orders?vhost=x")))
                .hasToString("amqp://u:p%40ss@h:5672?vhost=x");
        assertThat(Channels.broker(URI.create("kafka://h1:9092,h2:9092/orders"))).hasToString("kafka://h1:9092,h2:9092");
        assertThat(Channels.broker(URI.create("embedded:orders"))).hasToString("embedded:/");
    }

    @Test
    void namesFollowTheDocumentedScheme() {
        URI a = URI.create("artemis://h:61616/orders");
        assertThat(Channels.requestQueue(a)).isEqualTo(new Destination.Queue("orders"));
        assertThat(Channels.topic(a, "trip-events.v1")).isEqualTo(new Destination.Topic("orders.trip-events.v1"));
        assertThat(Channels.topic(URI.create("kafka://h:9092"), "trip-events.v1").name()).isEqualTo("trip-events.v1");
        Destination.Subscription s = Channels.subscription(new Destination.Topic("t"), "billing");
        assertThat(Channels.deadLetter(s)).isEqualTo(new Destination.Queue("t.billing.dlq"));
        assertThat(Channels.deadLetter(new Destination.Queue("orders"))).isEqualTo(new Destination.Queue("orders.dlq"));
    }

    @Test
    void badNamesAreRefusedNamingTheCulprit() {
        assertThatThrownBy(() -> Channels.requestQueue(URI.create("artemis://h:61616")))
                .hasMessageContaining("names no queue");
        assertThatThrownBy(() -> Channels.subscription(new Destination.Topic("t"), "bad group"))
                .hasMessageContaining("'bad group'");
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        MessagingOptions o = MessagingOptions.DEFAULT.withBackoff(Duration.ofMillis(100), Duration.ofMillis(350));
        assertThat(o.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(o.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(o.backoff(3)).isEqualTo(Duration.ofMillis(350));
        assertThatThrownBy(() -> o.withMaxAttempts(0)).hasMessage("maxAttempts: 0 (expected: >= 1)");
    }
}
