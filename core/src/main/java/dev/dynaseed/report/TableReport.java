package dev.dynaseed.report;

import dev.dynaseed.provision.TableOutcome;
import dev.dynaseed.seed.SeedOutcome;
import dev.dynaseed.spec.TableSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * What apply did to one table.
 *
 * @param table the table's spec
 * @param outcome what provisioning found or did
 * @param seed what seeding did
 * @param provisionDuration time spent creating and waiting
 */
public record TableReport(TableSpec table, TableOutcome outcome, SeedOutcome seed, Duration provisionDuration) {
    public TableReport {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(provisionDuration, "provisionDuration");
    }

    /** The outcome's name in reports, e.g. Created, Updated, ReplacementRefused (see {@link TableOutcome.Kind}). */
    public String outcomeName() {
        return outcome.kind().label();
    }

    /** Whether everything asked of this table was done. */
    public boolean complete() {
        return outcome.ready() && seed.failed() == 0 && (seed.skipped() == 0 || seed.skippedByPolicy());
    }

    /**
     * Whether anything at all was done or found in order; a table left alone on purpose (a refused replacement, a
     * blocked change) counts, since nothing failed there, so that a run with one is partial rather than failed.
     */
    public boolean anySuccess() {
        return outcome.kind().leftAlone()
                || outcome.ready() && (seed.requested() == 0 || seed.written() > 0 || seed.failed() == 0);
    }
}
