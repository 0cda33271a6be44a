package dev.parley.broker.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Address;
import dev.parley.messaging.Channels;
import java.net.URI;
import org.junit.jupiter.api.Test;

class BrokerAddressTest {

    private static BrokerAddress parse(String address) {
        return BrokerAddress.parse(Channels.broker(URI.create(address)));
    }

    @Test
    void defaultsToGuestOnPort5672InTheDefaultVhost() {
        BrokerAddress a = parse("amqp://rabbit/trips");
        assertThat(a.nodes()).containsExactly(new Address("rabbit", 5672));
        assertThat(a.user()).isEqualTo("guest");
        assertThat(a.password()).isEqualTo("guest");
        assertThat(a.vhost()).isEqualTo("/");
    }

    @Test
    void readsCredentialsClusterNodesAndTheVhostFromTheQuery() {
        BrokerAddress a = parse("amqp://orders:s%40cret@r1:5673,r2,r3:5674/trips?vhost=prod%2Feu");
        assertThat(a.nodes()).containsExactly(new Address("r1", 5673), new Address("r2", 5672),
                new Address("r3", 5674));
        assertThat(a.user()).isEqualTo("orders");
        assertThat(a.password()).isEqualTo("s@cret");
        assertThat(a.vhost()).isEqualTo("prod/eu");
        assertThat(a).hasToString("amqp://orders@r1:5673,r2:5672,r3:5674?vhost=prod/eu");
        assertThat(parse("amqp://[::1]:5674/trips").nodes()).containsExactly(new Address("::1", 5674));
    }

    @Test
    void refusesWhatItCannotUseAndNeverShowsThePassword() {
        assertThatThrownBy(() -> parse("amqp://u:secret@rabbit:99999/x"))
                .hasMessageContaining("port 99999").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> parse("amqp://rabbit:5672/x?vhost=a&heartbeat=3"))
                .hasMessageContaining("unknown parameter 'heartbeat'");
        assertThatThrownBy(() -> parse("amqp://rabbit:5672/x?vhost="))
                .hasMessageContaining("an empty vhost");
        assertThatThrownBy(() -> BrokerAddress.parse(URI.create("kafka://rabbit:5672")))
                .hasMessageContaining("the scheme must be amqp");
    }
}
