package dev.dynaseed.seed;

import dev.dynaseed.spec.TableSpec;
import java.time.Instant;

/** Makes the items to write into one table; by default generated from the table's seed block. */
@FunctionalInterface
public interface ItemSourceFactory {

    /** The items for {@code table}; {@code runSeed} and {@code now} make values fresh when the spec sets no randomSeed. */
    ItemSource items(TableSpec table, long runSeed, Instant now);
}
