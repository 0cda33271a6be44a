package dev.parley.resilience.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HedgeDelayTest {

    @Test
    void percentileDelayFollowsObservedLatencyOnceThereAreEnoughSamples() {
        HedgeDelay delay = HedgeDelay.percentile(95, Duration.ofMillis(500));
        for (int i = 1; i < 64; i++) {
            delay.record(Duration.ofMillis(i));
        }
        assertThat(delay.current()).as("too few samples: the initial delay").isEqualTo(Duration.ofMillis(500));
        delay.record(Duration.ofMillis(64));
        assertThat(delay.current()).isEqualTo(Duration.ofMillis(61));
    }

    @Test
    void fixedDelayIgnoresLatency() {
        HedgeDelay delay = HedgeDelay.fixed(Duration.ofMillis(20));
        for (int i = 0; i < 128; i++) {
            delay.record(Duration.ofSeconds(1));
        }
        assertThat(delay.current()).isEqualTo(Duration.ofMillis(20));
    }
}
