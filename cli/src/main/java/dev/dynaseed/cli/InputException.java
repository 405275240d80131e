package dev.dynaseed.cli;

import dev.dynaseed.DynaseedException;

/** The user's input cannot be acted on (exit code 2); nothing was sent. */
final class InputException extends DynaseedException {
    private static final long serialVersionUID = 1L;

    private final boolean aboutAnOption;

    InputException(String message) {
        this(message, false);
    }

    private InputException(String message, boolean aboutAnOption) {
        super(message);
        this.aboutAnOption = aboutAnOption;
    }

    /** An option's value is wrong: printed with a second line pointing at the command's {@code --help}. */
    static InputException ofOption(String message) {
        return new InputException(message, true);
    }

    /** Whether the problem is an option's value (so {@code --help} lists what to use). */
    boolean aboutAnOption() {
        return aboutAnOption;
    }

    /** Fails with {@code OPTION: VALUE is out of range; use MIN to MAX} unless min <= value <= max. */
    static void requireInRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw ofOption(option + ": " + value + " is out of range; use " + min + " to " + max);
        }
    }
}
