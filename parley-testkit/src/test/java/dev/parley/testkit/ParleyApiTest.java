package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.Contract;
import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Publish;
import dev.parley.Status;
import dev.parley.contract.InvalidContractException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the runtime says when it is used wrongly: each mistake gets an error that says what to do. */
class ParleyApiTest {

    record Ping(String text) {
    }

    @Contract(name = "api-service")
    public interface Service {
        String ping(Ping p);

        default String pingTwice(Ping p) {
            return ping(p) + ping(p);
        }
    }

    @Contract(name = "api-events")
    public interface Events {
        @Publish
        void pinged(Ping p);
    }

    @Contract(name = "api-bad")
    public interface Bad {
        String ping(Object p);
    }

    private final Parley parley = Parley.builder().build();

    @AfterEach
    void close() {
        parley.close();
    }

    @Test
    void servingAnEventsContractSaysToSubscribe() {
        assertThatThrownBy(() -> parley.serve(Events.class, p -> { }, "local:api"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use subscribe()");
        assertThatThrownBy(() -> parley.client(Events.class, "local:api")).hasMessageContaining("use publisher()");
        assertThatThrownBy(() -> parley.publisher(Service.class, "local:api")).hasMessageContaining("use client()");
    }

    @Test
    void aBadContractIsRefusedOnFirstUse() {
        assertThatThrownBy(() -> parley.client(Bad.class, "local:api"))
                .isInstanceOf(InvalidContractException.class)
                .hasMessageContaining("Bad.ping");
    }

    @Test
    void anUnknownSchemeListsTheInstalledTransports() {
        assertThatThrownBy(() -> parley.client(Service.class, "carrier-pigeon://coop"))
                .isInstanceOfSatisfying(ParleyException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.UNIMPLEMENTED))
                .hasMessageContaining("no transport for 'carrier-pigeon:'")
                .hasMessageContaining("[local]");
        assertThatThrownBy(() -> parley.client(Service.class, "no-scheme")).hasMessageContaining("has no scheme");
    }

    @Test
    void theSameMajorVersionCannotBeServedTwiceAtOneAddress() {
        parley.serve(Service.class, p -> "a", "local:api-twice");
        assertThatThrownBy(() -> parley.serve(Service.class, p -> "b", "local:api-twice"))
                .hasMessageContaining("already served");
    }

    @Test
    void defaultMethodsRunInTheStubAndServingStopsOnClose() {
        var registration = parley.serve(Service.class, p -> p.text(), "local:api-default");
        Service client = parley.client(Service.class, "local:api-default");
        assertThat(client.pingTwice(new Ping("ab"))).isEqualTo("abab");
        registration.close();
        assertThatThrownBy(() -> client.ping(new Ping("x")))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.status()).isIn(
                        Status.UNIMPLEMENTED, Status.UNAVAILABLE));
    }
}
