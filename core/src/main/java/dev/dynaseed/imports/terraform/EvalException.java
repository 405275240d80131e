package dev.dynaseed.imports.terraform;

/** An expression that cannot be evaluated offline, at a 1-based line of its file. */
final class EvalException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    EvalException(int line, String message) {
        super(message);
        this.line = line;
    }

    int line() {
        return line;
    }
}
