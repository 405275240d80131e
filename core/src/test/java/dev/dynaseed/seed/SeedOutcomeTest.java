package dev.dynaseed.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeedOutcomeTest {

    @Test
    void skippedItems_needAReason() {
        assertThatThrownBy(() -> new SeedOutcome(3, 0, 0, 3, 0, Optional.empty(), List.of(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 items skipped without a SkipReason");
    }

    @Test
    void onlyTheSkipPolicy_countsAsSkippedOnPurpose_whateverTheNoteSays() {
        assertThat(SeedOutcome.skippedAll(3, SkipReason.EXISTING_ITEMS).skippedByPolicy())
                .isTrue();
        assertThat(SeedOutcome.skippedAll(3, SkipReason.TABLE_BLOCKED).skippedByPolicy())
                .isFalse();
        assertThat(SeedOutcome.skippedAll(3, SkipReason.DEADLINE).skippedByPolicy())
                .isFalse();
        assertThat(SeedOutcome.skippedAll(3, SkipReason.DEADLINE).note())
                .contains("3 items not started: stopped before the deadline");
    }
}
