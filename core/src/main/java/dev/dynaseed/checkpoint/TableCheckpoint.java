package dev.dynaseed.checkpoint;

import dev.dynaseed.seed.IndexRanges;
import java.time.Instant;
import java.util.Objects;

/**
 * What one seed of one table has written so far: enough to make the same items again (run seed, base time, the
 * spec's digest) and to know which are missing.
 *
 * @param table the table's name
 * @param spec the digest of the table's spec at the time of the seed
 * @param count the items the seed asked for
 * @param runSeed the run's seed (used when the spec sets no randomSeed)
 * @param baseTime the run's base time (used when the spec sets no randomSeed)
 * @param written the item indexes written
 * @param complete whether every item was written
 */
public record TableCheckpoint(
        String table,
        TableDigest spec,
        long count,
        long runSeed,
        Instant baseTime,
        IndexRanges written,
        boolean complete) {
    public TableCheckpoint {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(baseTime, "baseTime");
        Objects.requireNonNull(written, "written");
    }

    /** A seed that has written nothing yet. */
    public static TableCheckpoint started(String table, TableDigest spec, long count, long runSeed, Instant baseTime) {
        return new TableCheckpoint(table, spec, count, runSeed, baseTime, IndexRanges.empty(), count == 0);
    }

    /** This seed with {@code indexes} written too; complete once every index is. */
    public TableCheckpoint plus(IndexRanges indexes) {
        IndexRanges all = written.plus(indexes);
        return new TableCheckpoint(
                table,
                spec,
                count,
                runSeed,
                baseTime,
                all,
                all.missingUpTo(count).isEmpty());
    }

    /** The item indexes still to write. */
    public IndexRanges missing() {
        return written.missingUpTo(count);
    }
}
