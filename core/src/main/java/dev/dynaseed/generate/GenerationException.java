package dev.dynaseed.generate;

import dev.dynaseed.DynaseedException;

/** Raised when a generator cannot make a value at run time; names the attribute and, when known, the item. */
public final class GenerationException extends DynaseedException {
    private static final long serialVersionUID = 1L;

    public GenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
