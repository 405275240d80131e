package dev.dynaseed.seed;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What seeding did to one table. Every requested item is counted exactly once as written, failed or skipped;
 * {@code retried} counts resends of unprocessed items and does not add to the total.
 *
 * @param requested items the spec asked for
 * @param written items DynamoDB acknowledged
 * @param failed items given up on
 * @param skipped items not attempted, for {@code skipReason}
 * @param retried resends of items DynamoDB returned as unprocessed
 * @param skipReason why items were skipped; present whenever some were
 * @param errors the distinct errors behind failed items (a few)
 * @param duration how long seeding took
 */
public record SeedOutcome(
        long requested,
        long written,
        long failed,
        long skipped,
        long retried,
        Optional<SkipReason> skipReason,
        List<String> errors,
        Duration duration) {

    public SeedOutcome {
        Objects.requireNonNull(skipReason, "skipReason");
        errors = List.copyOf(errors);
        Objects.requireNonNull(duration, "duration");
        if (written + failed + skipped != requested) {
            throw new IllegalArgumentException("written " + written + " + failed " + failed + " + skipped " + skipped
                    + " != requested " + requested);
        }
        if (skipped > 0 && skipReason.isEmpty()) {
            throw new IllegalArgumentException(skipped + " items skipped without a SkipReason; give the reason");
        }
    }

    /** Why items were skipped, as a sentence for reports; empty when none were. */
    public Optional<String> note() {
        return skipReason.map(reason -> reason.note(skipped));
    }

    /** Whether the items were skipped because the spec asked for it, not because of a problem. */
    public boolean skippedByPolicy() {
        return skipReason.filter(SkipReason::requested).isPresent();
    }

    /** Nothing was asked for. */
    public static SeedOutcome none() {
        return new SeedOutcome(0, 0, 0, 0, 0, Optional.empty(), List.of(), Duration.ZERO);
    }

    /** None of the {@code requested} items could be written, because of {@code error}. */
    public static SeedOutcome failedAll(long requested, String error) {
        return new SeedOutcome(requested, 0, requested, 0, 0, Optional.empty(), List.of(error), Duration.ZERO);
    }

    /** All {@code requested} items were left alone, for {@code reason}. */
    public static SeedOutcome skippedAll(long requested, SkipReason reason) {
        return new SeedOutcome(requested, 0, 0, requested, 0, Optional.of(reason), List.of(), Duration.ZERO);
    }
}
