package dev.dynaseed.imports.terraform;

/** An expression that cannot be evaluated offline, at a 1-based line of its file. */
final class EvalException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final boolean alreadyReported;

    EvalException(int line, String message) {
        this(line, message, false);
    }

    /** {@code alreadyReported}: the cause is reported elsewhere already, so this follow-on failure is not. */
    EvalException(int line, String message, boolean alreadyReported) {
        super(message);
        this.line = line;
        this.alreadyReported = alreadyReported;
    }

    /** Whether the cause was reported already (such as a variable whose default was refused). */
    boolean alreadyReported() {
        return alreadyReported;
    }

    int line() {
        return line;
    }
}
