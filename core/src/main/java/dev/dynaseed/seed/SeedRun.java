package dev.dynaseed.seed;

import java.time.Instant;
import java.util.Objects;

/**
 * One table's part of a run: the values that make its items (run seed, base time), which item indexes to write, and
 * who hears about the indexes written (a checkpoint). A resumed run is the same triple with the missing indexes.
 *
 * @param runSeed the seed of the values when the spec sets no randomSeed
 * @param now the base time of time-based values when the spec sets no randomSeed
 * @param items the item indexes to write
 * @param checkExisting whether {@code onExisting: skip} looks for existing items first (not when resuming)
 * @param written hears about the item indexes written, batch by batch, from writer threads
 */
public record SeedRun(long runSeed, Instant now, IndexRanges items, boolean checkExisting, WrittenItems written) {
    public SeedRun {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(written, "written");
    }

    /** Hears about written item indexes. */
    @FunctionalInterface
    public interface WrittenItems {
        WrittenItems NONE = indexes -> {};

        void written(IndexRanges indexes);
    }
}
