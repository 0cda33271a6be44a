package dev.parley.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.Contract;
import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.resilience.CircuitBreaker;
import dev.parley.testkit.FreePorts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Meters of real calls over tcp://. */
class ParleyMetricsTest {

    record Ask(String text) {
    }

    @Contract(name = "remote")
    public interface Remote {
        String work(Ask a);
    }

    @Contract(name = "other")
    public interface Other {
        String work(Ask a);
    }

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final ParleyMetrics metrics = ParleyMetrics.of(registry);
    private final String address = "tcp://127.0.0.1:" + FreePorts.next();
    private final Parley server = Parley.builder().serverFilter(metrics.serverCalls()).build();
    private final Parley client = Parley.builder().build();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private long count(String meter, String contract, String status) {
        Timer t = registry.find(meter).tags("contract", contract, "status", status).timer();
        return t == null ? 0 : t.count();
    }

    @Test
    void eachCallIsTimedOnBothSidesByStatus() {
        server.serve(Remote.class, a -> {
            if (a.text().equals("bad")) {
                throw new ParleyException(Status.INVALID_ARGUMENT, "bad");
            }
            return a.text();
        }, address);
        Remote remote = client.client(Remote.class).at(address).policy(metrics.clientCalls()).build();
        for (int i = 0; i < 3; i++) {
            assertThat(remote.work(new Ask("ok"))).isEqualTo("ok");
        }
        assertThatThrownBy(() -> remote.work(new Ask("bad"))).isInstanceOf(ParleyException.class);

        assertThat(count("parley.client.calls", "remote", "OK")).isEqualTo(3);
        assertThat(count("parley.client.calls", "remote", "INVALID_ARGUMENT")).isEqualTo(1);
        assertThat(count("parley.server.calls", "remote", "OK")).isEqualTo(3);
        assertThat(count("parley.server.calls", "remote", "INVALID_ARGUMENT")).isEqualTo(1);
        assertThat(registry.find("parley.client.calls").tag("operation", "work").timers()).hasSize(2);
    }

    @Test
    void namesTheServerDoesNotHaveNeverBecomeTags() {
        server.serve(Remote.class, Ask::text, address);
        Other other = client.client(Other.class).at(address).build();
        assertThatThrownBy(() -> other.work(new Ask("x"))).isInstanceOfSatisfying(ParleyException.class,
                e -> assertThat(e.status()).isEqualTo(Status.UNIMPLEMENTED));
        assertThat(registry.find("parley.server.calls").tag("contract", "other").timers()).isEmpty();
    }

    @Test
    void breakerTransitionsAndRefusalsAreCountedAndItsStateIsAGauge() {
        server.serve(Remote.class, a -> {
            throw new ParleyException(Status.UNAVAILABLE, "down");
        }, address);
        Remote remote = client.client(Remote.class).at(address)
                .policy(CircuitBreaker.builder().window(4).minimumCalls(4).waitInOpen(Duration.ofHours(1))
                        .listener(metrics.resilience()).build())
                .build();
        String name = "remote.work@" + address; // a breaker per operation and address
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> remote.work(new Ask("x"))).isInstanceOf(ParleyException.class);
        }
        assertThat(registry.get("parley.resilience.events").tags("name", name, "event",
                "breaker-state-changed", "status", "OPEN").counter().count()).isEqualTo(1);
        assertThat(registry.get("parley.resilience.events").tags("name", name, "event", "call-rejected")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get("parley.resilience.breaker.state").tags("name", name, "state", "OPEN")
                .gauge().value()).isEqualTo(1);
        assertThat(registry.get("parley.resilience.breaker.state").tags("name", name, "state", "CLOSED")
                .gauge().value()).isEqualTo(0);
    }
}
