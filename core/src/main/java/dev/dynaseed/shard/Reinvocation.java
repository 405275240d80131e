package dev.dynaseed.shard;

import dev.dynaseed.seed.IndexRanges;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A shard invoked again, and why: the previous attempt ended at its deadline with items left, or had no answer.
 *
 * @param shard the shard's label, e.g. {@code 3/8}
 * @param attempt the attempt this one is (2 for the first re-invocation)
 * @param reason why the previous attempt did not finish, one line
 * @param ranges exactly the item indexes sent again, per table
 */
public record Reinvocation(String shard, int attempt, String reason, Map<String, IndexRanges> ranges) {
    public Reinvocation {
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(reason, "reason");
        ranges = Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
    }

    /** How many items were sent again. */
    public long items() {
        return ranges.values().stream().mapToLong(IndexRanges::size).sum();
    }
}
