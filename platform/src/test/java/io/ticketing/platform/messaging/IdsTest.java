package io.ticketing.platform.messaging;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void idsAreVersion7AndIncreaseStrictlyEvenWithinOneMillisecond() {
        UUID previous = Ids.newId();
        for (int i = 0; i < 20_000; i++) {
            UUID next = Ids.newId();
            assertThat(next.version()).isEqualTo(7);
            assertThat(next.variant()).isEqualTo(2);
            assertThat(next.getMostSignificantBits()).as("id %d", i).isGreaterThan(previous.getMostSignificantBits());
            previous = next;
        }
    }

    @Test
    void theTimestampIsTheCurrentMillisecond() {
        long before = System.currentTimeMillis();
        long stamped = Ids.newId().getMostSignificantBits() >>> 16;
        assertThat(stamped).isBetween(before, System.currentTimeMillis() + 1_000);
    }
}
