package dev.dynaseed.spec;

import java.util.Locale;

/** What seeding does when the table already holds items. */
public enum ExistingDataPolicy {
    /** Write the requested items on every run, next to what is there (the seed tutorial's behaviour). */
    APPEND,
    /** Write nothing when the table already holds at least one item. */
    SKIP,
    /** Write items by key, so that repeatable keys overwrite the same items on every run. */
    UPSERT;

    /** The spelling used in spec files. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
