package dev.dynaseed.cli;

import dev.dynaseed.DynaseedException;

/** The user's input cannot be acted on (exit code 2); nothing was sent. */
final class InputException extends DynaseedException {
    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }

    /** Fails with {@code OPTION: VALUE is out of range; use MIN to MAX} unless min <= value <= max. */
    static void requireInRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InputException(option + ": " + value + " is out of range; use " + min + " to " + max);
        }
    }
}
