package dev.dynaseed.report;

import dev.dynaseed.seed.SeedOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * What apply did, table by table, and where.
 *
 * @param target where it ran, e.g. {@code local engine (dynalite) at http://127.0.0.1:8000}
 * @param tables one report per table, in spec order
 * @param duration the whole run
 */
public record Report(String target, List<TableReport> tables, Duration duration) {
    public Report {
        Objects.requireNonNull(target, "target");
        tables = List.copyOf(tables);
        Objects.requireNonNull(duration, "duration");
    }

    /**
     * OK when every table and item is done, FAILED when nothing is, PARTIAL in between (a table left alone on purpose,
     * blocked or its replacement refused, makes a run PARTIAL).
     */
    public Status status() {
        if (tables.stream().allMatch(TableReport::complete)) {
            return Status.OK;
        }
        return tables.stream().anyMatch(TableReport::anySuccess) ? Status.PARTIAL : Status.FAILED;
    }

    /** A seeding counter summed over all tables, e.g. {@code total(SeedOutcome::written)}. */
    public long total(ToLongFunction<SeedOutcome> counter) {
        return tables.stream().map(TableReport::seed).mapToLong(counter).sum();
    }

    /** The overall result of a run. */
    public enum Status {
        OK,
        PARTIAL,
        FAILED
    }
}
