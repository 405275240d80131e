package dev.dynaseed.cli;

/** The process exit codes of dynaseed. */
public final class ExitCode {
    /** Everything asked was done. */
    public static final int OK = 0;
    /** Nothing could be done (engine, target or every table failed). */
    public static final int FAILED = 1;
    /** The command line or the spec is invalid; nothing was sent. */
    public static final int INVALID_INPUT = 2;
    /** Some tables or items failed, or apply left a table alone (replacement refused, change blocked). */
    public static final int PARTIAL = 3;
    /** {@code plan} only: apply would change at least one table (create, update in place or replace). */
    public static final int PLAN_CHANGES = 4;
    /** {@code plan} only: a rule blocks at least one change now (the table is left alone). */
    public static final int PLAN_BLOCKED = 5;
    /** Stopped by Ctrl-C (128 + SIGINT, as shells report it). */
    public static final int INTERRUPTED = 130;

    private ExitCode() {}
}
