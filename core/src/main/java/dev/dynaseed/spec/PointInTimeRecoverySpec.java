package dev.dynaseed.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * Continuous backups.
 *
 * @param enabled whether point-in-time recovery is on
 * @param recoveryPeriodDays how many days back a restore may go (1 to 35; DynamoDB's default 35 when empty)
 */
public record PointInTimeRecoverySpec(boolean enabled, Optional<Integer> recoveryPeriodDays) {
    public PointInTimeRecoverySpec {
        Objects.requireNonNull(recoveryPeriodDays, "recoveryPeriodDays");
    }
}
