package dev.dynaseed.cli;

import dev.dynaseed.DynaseedException;

/** The user's input cannot be acted on (exit code 2); nothing was sent. */
final class InputException extends DynaseedException {
    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }
}
