package dev.dynaseed.seed;

/**
 * Why items of a table were not attempted. Reports decide by the reason, never by its text: only
 * {@link #EXISTING_ITEMS} is a skip the spec asked for.
 */
public enum SkipReason {
    /** The table already held items and its policy is {@code onExisting: skip}. */
    EXISTING_ITEMS("existingItems"),
    /** A rule forbids a change the table needs now, so it was left alone. */
    TABLE_BLOCKED("tableBlocked"),
    /** The table needs replacing and that was not allowed, so it was left alone with its items. */
    REPLACEMENT_REFUSED("replacementRefused"),
    /** The run's deadline came before these items were started. */
    DEADLINE("deadline"),
    /** The run was interrupted (Ctrl-C) before these items were started. */
    INTERRUPTED("interrupted");

    private final String code;

    SkipReason(String code) {
        this.code = code;
    }

    /** The reason as JSON {@code skipReason} names it; never rename one. */
    public String code() {
        return code;
    }

    /** Whether the spec asked for this skip, so that it is no problem. */
    public boolean requested() {
        return switch (this) {
            case EXISTING_ITEMS -> true;
            case TABLE_BLOCKED, REPLACEMENT_REFUSED, DEADLINE, INTERRUPTED -> false;
        };
    }

    /** The sentence reports show for {@code skipped} items skipped for this reason. */
    public String note(long skipped) {
        return switch (this) {
            case EXISTING_ITEMS -> "the table already holds items (onExisting: skip)";
            case TABLE_BLOCKED -> "a change the table needs is blocked, so it was left alone and not seeded";
            case REPLACEMENT_REFUSED -> "the table needs replacing, which was not allowed, so it was not seeded";
            case DEADLINE -> skipped + " items not started: stopped before the deadline";
            case INTERRUPTED -> skipped + " items not started: the run was interrupted";
        };
    }
}
