package dev.dynaseed.plan;

import java.util.Objects;

/**
 * One way an existing table differs from its spec.
 *
 * @param field what differs, e.g. {@code partitionKey}
 * @param expected the spec's value
 * @param actual the table's value
 */
public record Difference(String field, String expected, String actual) {
    public Difference {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
    }

    @Override
    public String toString() {
        return field + ": spec has " + expected + ", table has " + actual;
    }
}
