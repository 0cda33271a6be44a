package dev.parley.broker.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void commitsOnlyUpToTheFirstUnacknowledgedDelivery() {
        tracker.delivered(10, 1);
        tracker.delivered(11, 2);
        tracker.delivered(12, 3);

        tracker.acknowledge(11, 2);
        tracker.acknowledge(12, 3);
        assertThat(tracker.commitPoint()).isEqualTo(OptionalLong.of(10));

        tracker.committed(10);
        assertThat(tracker.commitPoint()).isEmpty();
        tracker.acknowledge(10, 1);
        assertThat(tracker.commitPoint()).isEqualTo(OptionalLong.of(13));
        assertThat(tracker.idle()).isTrue();
    }

    @Test
    void aReleaseRewindsToTheReleasedOffsetAndForgetsTheDeliveriesAfterIt() {
        tracker.delivered(5, 1);
        tracker.delivered(6, 2);
        tracker.delivered(7, 3);
        tracker.acknowledge(5, 1);

        assertThat(tracker.release(6, 2)).isTrue();

        assertThat(tracker.commitPoint()).isEqualTo(OptionalLong.of(6));
        assertThat(tracker.acknowledge(7, 3)).as("dropped by the rewind").isFalse();
        assertThat(tracker.idle()).isTrue();
    }

    @Test
    void aLateSettleOfAnEarlierDeliveryOfTheSameOffsetIsIgnored() {
        tracker.delivered(3, 1);
        tracker.release(3, 1);
        tracker.delivered(3, 2); // read again

        assertThat(tracker.acknowledge(3, 1)).isFalse();
        assertThat(tracker.commitPoint()).isEqualTo(OptionalLong.of(3));
        assertThat(tracker.acknowledge(3, 2)).isTrue();
        assertThat(tracker.commitPoint()).isEqualTo(OptionalLong.of(4));
    }

    @Test
    void nothingToCommitBeforeTheFirstDelivery() {
        assertThat(tracker.commitPoint()).isEmpty();
    }
}
