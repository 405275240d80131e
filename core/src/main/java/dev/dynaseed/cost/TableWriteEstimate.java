package dev.dynaseed.cost;

import dev.dynaseed.spec.BillingSpec;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The estimated writes of seeding one table: its items, their size measured on a sample made by the table's real
 * generators, and the write units they take (table and index writes).
 *
 * @param table the table's name
 * @param items the items the run would write
 * @param sampledItems how many items were generated to measure their size (0 when the table seeds nothing)
 * @param averageItemBytes the sampled items' average size in bytes, as DynamoDB counts it
 * @param largestItemBytes the largest sampled item's size in bytes
 * @param writeUnits the write units of writing every item once: items times the sampled average units per item
 *     (ceil(size / 1 KB) for the table, plus as much for each index whose key attributes the item has)
 * @param billing the table's billing in the spec
 */
public record TableWriteEstimate(
        String table,
        long items,
        int sampledItems,
        long averageItemBytes,
        long largestItemBytes,
        long writeUnits,
        BillingSpec billing) {

    public TableWriteEstimate {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(billing, "billing");
        if (items < 0 || sampledItems < 0 || averageItemBytes < 0 || largestItemBytes < 0 || writeUnits < 0) {
            throw new IllegalArgumentException("counts and sizes must not be negative");
        }
    }

    /** Whether the table is billed per request, so that {@link WritePrice} applies to it. */
    public boolean onDemand() {
        return switch (billing.kind()) {
            case PAY_PER_REQUEST -> true;
            case PROVISIONED -> false;
        };
    }

    /**
     * For a provisioned table, how long its write capacity takes to absorb the writes: write units / WCU seconds,
     * rounded up (burst capacity can shorten it at first; retries lengthen it). Empty for an on-demand table.
     */
    public Optional<Duration> capacityBoundTime() {
        return switch (billing.kind()) {
            case PAY_PER_REQUEST -> Optional.empty();
            case PROVISIONED -> {
                long capacity = Math.max(1, ((BillingSpec.Provisioned) billing).writeCapacity());
                yield Optional.of(Duration.ofSeconds((writeUnits + capacity - 1) / capacity));
            }
        };
    }

    /** The provisioned write capacity units, for a provisioned table. */
    public Optional<Long> writeCapacity() {
        return switch (billing.kind()) {
            case PAY_PER_REQUEST -> Optional.empty();
            case PROVISIONED -> Optional.of(((BillingSpec.Provisioned) billing).writeCapacity());
        };
    }
}
