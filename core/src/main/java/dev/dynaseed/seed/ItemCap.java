package dev.dynaseed.seed;

import dev.dynaseed.spec.SeedSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A cap on the items one run writes across all its tables ({@code --max-items}): tables keep their items (inline and
 * file items, then generated ones; files must have been scanned, so their items are counted) in spec order until the
 * cap is reached; the table that reaches it gets what is left, sources first, and later tables get none.
 *
 * @param maxItems the most items the run may write
 * @param spec the spec with its seed counts capped
 * @param requestedBySpec the items the spec itself asks for
 * @param cappedTables for each table whose items were lowered, the items the spec asked for, in spec order
 */
public record ItemCap(long maxItems, Spec spec, long requestedBySpec, Map<String, Long> cappedTables) {

    public ItemCap {
        if (maxItems < 0) {
            throw new IllegalArgumentException("maxItems must not be negative, was " + maxItems);
        }
        Objects.requireNonNull(spec, "spec");
        cappedTables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cappedTables));
    }

    /** {@code spec} with at most {@code maxItems} items in all. */
    public static ItemCap of(Spec spec, long maxItems) {
        Objects.requireNonNull(spec, "spec");
        long left = maxItems;
        long requested = 0;
        List<TableSpec> tables = new ArrayList<>();
        Map<String, Long> capped = new LinkedHashMap<>();
        for (TableSpec table : spec.tables()) {
            SeedSpec seed = table.seed();
            long total = seed.totalItems();
            requested += total;
            long allowed = Math.min(total, Math.max(0, left));
            left -= allowed;
            if (allowed == total) {
                tables.add(table);
            } else {
                capped.put(table.name(), total);
                long fromSources = Math.min(seed.sourceItems(), allowed);
                SeedSpec cappedSeed = seed.withCount(allowed - fromSources);
                if (fromSources < seed.sourceItems()) {
                    cappedSeed = cappedSeed.withSelection(seed.selection().withLimit(fromSources));
                }
                tables.add(table.toBuilder().seed(cappedSeed).build());
            }
        }
        return new ItemCap(maxItems, new Spec(tables), requested, capped);
    }

    /** Whether the cap lowered any table's count. */
    public boolean capped() {
        return !cappedTables.isEmpty();
    }

    /** The items the capped spec asks for. */
    public long requested() {
        return spec.tables().stream()
                .mapToLong(table -> table.seed().totalItems())
                .sum();
    }
}
