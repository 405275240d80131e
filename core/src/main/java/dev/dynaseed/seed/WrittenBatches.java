package dev.dynaseed.seed;

/** Hears about each batch whose every item was written; called from writer threads, in any order. */
@FunctionalInterface
public interface WrittenBatches {
    WrittenBatches NONE = (first, count) -> {};

    /** The items at source positions {@code first .. first + count - 1} are all written. */
    void written(long first, int count);
}
