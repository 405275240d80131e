package dev.dynaseed.plan;

import java.util.Objects;

/**
 * One way an existing table differs from its spec, and what it takes to remove that difference.
 *
 * @param field what differs, e.g. {@code partitionKey}, {@code globalSecondaryIndexes.by_status}, {@code timeToLive}
 * @param expected the spec's value
 * @param actual the table's value
 * @param resolution whether apply changes it in place, replaces the table, is blocked, or the engine cannot do it
 * @param how for {@code IN_PLACE} the call that makes it (e.g. {@code UpdateTable}); for {@code REPLACE} why the
 *     table must be recreated; for {@code BLOCKED} the rule that forbids it now and what to do; for
 *     {@code NOT_SUPPORTED} which engine lacks what
 */
public record Difference(String field, String expected, String actual, Resolution resolution, String how) {

    /** How a difference can be removed. */
    public enum Resolution {
        /** A call changes the live table; its items stay. */
        IN_PLACE("in place"),
        /** Only DeleteTable and CreateTable remove it; the table's items are lost. */
        REPLACE("replace"),
        /** A rule forbids the change now (see {@code how}); the table is left alone. */
        BLOCKED("blocked"),
        /** The engine does not support the feature, so it is not enforced and never shown as a change to make. */
        NOT_SUPPORTED("not supported by engine");

        private final String label;

        Resolution(String label) {
            this.label = label;
        }

        /** The name in text and JSON output; never rename one. */
        public String label() {
            return label;
        }
    }

    public Difference {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(how, "how");
    }

    @Override
    public String toString() {
        return field + ": spec has " + expected + ", table has " + actual + " (" + resolution.label() + ": " + how
                + ")";
    }
}
