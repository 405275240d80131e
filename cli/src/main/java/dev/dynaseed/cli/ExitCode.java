package dev.dynaseed.cli;

/** The process exit codes of dynaseed. */
public final class ExitCode {
    /** Everything asked was done. */
    public static final int OK = 0;
    /** Nothing could be done (engine, target or every table failed). */
    public static final int FAILED = 1;
    /** The command line or the spec is invalid; nothing was sent. */
    public static final int INVALID_INPUT = 2;
    /** Some tables or items failed, or a table drifted from its spec. */
    public static final int PARTIAL = 3;
    /** Stopped by Ctrl-C (128 + SIGINT, as shells report it). */
    public static final int INTERRUPTED = 130;

    private ExitCode() {}
}
