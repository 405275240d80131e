package dev.dynaseed.shard;

import dev.dynaseed.seed.IndexRanges;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One slice of a load: for each table it touches, the item indexes it writes. Shard {@code index} of {@code of}
 * (counted from 1, as in {@code --shard 3/8}); the shards of a split cover every item of every table exactly once.
 *
 * @param index this shard's number, 1 to {@code of}
 * @param of how many shards the load was split into
 * @param ranges the item indexes per table, in spec order; tables it does not touch are absent
 */
public record Shard(int index, int of, Map<String, IndexRanges> ranges) {
    public Shard {
        if (of < 1 || index < 1 || index > of) {
            throw new IllegalArgumentException("a shard is K of N with 1 <= K <= N, was " + index + "/" + of);
        }
        Map<String, IndexRanges> copy = new LinkedHashMap<>();
        ranges.forEach((table, indexes) -> {
            Objects.requireNonNull(table, "table");
            if (!Objects.requireNonNull(indexes, "indexes").isEmpty()) {
                copy.put(table, indexes);
            }
        });
        ranges = Collections.unmodifiableMap(copy);
    }

    /** How many items it writes, over all tables. */
    public long size() {
        return ranges.values().stream().mapToLong(IndexRanges::size).sum();
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The same shard, writing {@code other} instead (what is left of it after an attempt). */
    public Shard with(Map<String, IndexRanges> other) {
        return new Shard(index, of, other);
    }

    /** {@code 3/8}. */
    public String label() {
        return index + "/" + of;
    }
}
