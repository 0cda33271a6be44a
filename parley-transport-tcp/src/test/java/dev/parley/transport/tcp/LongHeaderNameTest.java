package dev.parley.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.Contract;
import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.service.Filter;
import dev.parley.testkit.FreePorts;
import dev.parley.testkit.NettyLeakCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A header name longer than a frame entry holds (255 bytes) fails its own call with RESOURCE_EXHAUSTED, on
 * the way out and on the way back, and the connection carries the next call as before.
 */
@ExtendWith(NettyLeakCheck.class)
class LongHeaderNameTest {

    private static final String LONG_NAME = "parley-x-" + "n".repeat(300);

    record Ping(String text) {
    }

    @Contract(name = "long-header")
    public interface Echo {
        String echo(Ping ping);
    }

    /** On a server: adds the long header to the replies of requests marked so. */
    private static final Filter LONG_REPLY = (message, next) -> {
        boolean marked = message.header("x-mark") != null;
        return next.call(message).thenApply(reply -> marked ? reply.withHeader(LONG_NAME, "1") : reply);
    };

    @Test
    void aRequestWithALongHeaderNameFailsAloneBeforeItIsSent() {
        String address = "tcp://127.0.0.1:" + FreePorts.next();
        try (Parley server = Parley.builder().build();
                Parley client = Parley.builder().build()) {
            server.serve(Echo.class, ping -> "echo " + ping.text(), address);
            Echo marked = client.client(Echo.class).at(address)
                    .filter((message, next) -> next.call(message.withHeader(LONG_NAME, "1"))).build();
            Echo plain = client.client(Echo.class).at(address).build();

            assertThat(plain.echo(new Ping("before"))).isEqualTo("echo before");
            assertThatThrownBy(() -> marked.echo(new Ping("long")))
                    .isInstanceOfSatisfying(ParleyException.class, e -> {
                        assertThat(e.status()).isEqualTo(Status.RESOURCE_EXHAUSTED);
                        assertThat(e.detail()).contains("255 bytes");
                    });
            assertThat(plain.echo(new Ping("after"))).isEqualTo("echo after");
        }
    }

    @Test
    void aReplyWithALongHeaderNameFailsItsCallAndSparesTheConnection() {
        String address = "tcp://127.0.0.1:" + FreePorts.next();
        try (Parley server = Parley.builder().serverFilter(LONG_REPLY).build();
                Parley client = Parley.builder().build()) {
            server.serve(Echo.class, ping -> "echo " + ping.text(), address);
            Echo marked = client.client(Echo.class).at(address)
                    .filter((message, next) -> next.call(message.withHeader("x-mark", "1"))).build();
            Echo plain = client.client(Echo.class).at(address).build();

            assertThatThrownBy(() -> marked.echo(new Ping("long")))
                    .isInstanceOfSatisfying(ParleyException.class,
                            e -> assertThat(e.status()).isEqualTo(Status.RESOURCE_EXHAUSTED));
            assertThat(plain.echo(new Ping("after"))).isEqualTo("echo after");
        }
    }

    @Test
    void aReplyTooBigForItsFrameFailsItsCallAsHandledNotAsNeverSent() {
        String address = "tcp://127.0.0.1:" + FreePorts.next();
        Filter bigReply = (message, next) -> {
            boolean marked = message.header("x-mark") != null;
            return next.call(message).thenApply(reply -> marked ? reply.withHeader("x-big", "v".repeat(10_000))
                    : reply);
        };
        try (Parley server = Parley.builder().serverFilter(bigReply).build();
                Parley client = Parley.builder().build()) {
            server.serve(Echo.class, ping -> "echo " + ping.text(), address);
            Echo marked = client.client(Echo.class).at(address)
                    .filter((message, next) -> next.call(message.withHeader("x-mark", "1"))).build();
            Echo plain = client.client(Echo.class).at(address).build();

            assertThatThrownBy(() -> marked.echo(new Ping("big")))
                    .isInstanceOfSatisfying(ParleyException.class, e -> {
                        assertThat(e.status()).isEqualTo(Status.RESOURCE_EXHAUSTED);
                        // The handler ran: a retry policy must not take this for a call that was never sent.
                        assertThat(e).isNotInstanceOf(dev.parley.NotSentException.class);
                    });
            assertThat(plain.echo(new Ping("after"))).isEqualTo("echo after");
        }
    }
}
