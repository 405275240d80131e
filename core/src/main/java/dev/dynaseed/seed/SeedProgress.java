package dev.dynaseed.seed;

/** Hears about seeding as batches complete (e.g. to draw a progress bar); called from writer threads. */
@FunctionalInterface
public interface SeedProgress {
    SeedProgress NONE = (table, done, requested) -> {};

    /** {@code done} of {@code requested} items of {@code table} have reached a final state. */
    void update(String table, long done, long requested);
}
