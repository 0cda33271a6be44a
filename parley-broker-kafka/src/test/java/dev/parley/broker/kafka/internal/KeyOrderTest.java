package dev.parley.broker.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyOrderTest {

    private final KeyOrder<String> order = new KeyOrder<>();

    @Test
    void aKeyWithADeliveryOutHoldsTheNextOnesUntilItSettles() {
        assertThat(order.admit("a", "a1")).isTrue();
        assertThat(order.admit("b", "b1")).isTrue();
        assertThat(order.admit("a", "a2")).isFalse();
        assertThat(order.admit("a", "a3")).isFalse();

        assertThat(order.next("a")).isEqualTo("a2");
        assertThat(order.next("a")).isEqualTo("a3");
        assertThat(order.next("a")).isNull();
        assertThat(order.admit("a", "a4")).as("the key is free again").isTrue();
    }

    @Test
    void droppedDeliveriesAreNoLongerHeld() {
        order.admit("a", "a1");
        order.admit("a", "a2");
        order.admit("a", "a3");

        assertThat(order.drop(d -> d.equals("a3"))).containsExactly("a3");
        assertThat(order.next("a")).isEqualTo("a2");
        assertThat(order.next("a")).isNull();
    }
}
