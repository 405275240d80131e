package dev.dynaseed.spec.internal;

import java.util.Locale;

/**
 * The bounds a spec is read and checked within, in one place so that the reader, the validator, their messages and
 * the README agree.
 */
public final class SpecLimits {
    /** The largest spec read, in bytes of a file or characters of text: far above any spec written by hand. */
    public static final int MAX_SPEC_SIZE = 1024 * 1024;

    /** How deep objects and lists may nest; a spec needs about 8 levels. */
    public static final int MAX_DEPTH = 32;

    /**
     * How many values (objects, lists and scalars) a spec may hold once its YAML aliases are expanded; a spec without
     * aliases within {@link #MAX_SPEC_SIZE} holds fewer, so only alias bombs reach it.
     */
    public static final int MAX_VALUES = 1_000_000;

    /** The longest number literal read, in characters; DynamoDB numbers hold at most 38 digits. */
    public static final int MAX_NUMBER_LENGTH = 100;

    /** DynamoDB's default quota of tables per account and Region; a spec beyond it could never be applied whole. */
    public static final int MAX_TABLES = 2_500;

    /** DynamoDB's default quota of read, and of write, capacity units per provisioned table. */
    public static final long MAX_CAPACITY_UNITS = 40_000;

    /** The most items one table may be seeded with per run. */
    public static final long MAX_SEED_COUNT = 100_000_000L;

    private SpecLimits() {}

    /** The message for read or write capacity units outside 1 to {@link #MAX_CAPACITY_UNITS}. */
    public static String capacityOutOfRange(String units, String kind) {
        return units + " is out of range; use 1 to " + MAX_CAPACITY_UNITS + " " + kind
                + " capacity units (DynamoDB's default quota per table), e.g. " + kind
                + "Capacity: 5, or mode: PAY_PER_REQUEST";
    }

    /** The message for a spec listing {@code tables} tables, more than {@link #MAX_TABLES}. */
    public static String tooManyTables(long tables) {
        return "lists " + grouped(tables) + " tables; a spec may list at most " + grouped(MAX_TABLES)
                + " (DynamoDB's default quota of tables per account and Region): split them over several specs";
    }

    /** A count with thousands separators, e.g. {@code 1,048,576}. */
    public static String grouped(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
