package dev.dynaseed.inspect;

import java.util.Objects;

/**
 * One table as {@code tables} lists it: name, status, keys (e.g. {@code id (S) + at (N)}), billing and item count,
 * exact (a COUNT Scan) or DescribeTable's estimate.
 */
public record TableSummary(
        String name, String status, String keys, String billing, long itemCount, boolean itemCountExact) {
    public TableSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(billing, "billing");
        if (itemCount < 0) {
            throw new IllegalArgumentException("itemCount must not be negative: " + itemCount);
        }
    }
}
