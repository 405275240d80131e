package dev.dynaseed.generate;

import dev.dynaseed.DynaseedException;

/** Raised when a generator cannot make a value at run time; names the attribute and, when known, the item. */
public final class GenerationException extends DynaseedException {
    private static final long serialVersionUID = 1L;

    /** Whether the message still lacks the attribute and the item: the generator that raised it knows neither. */
    private final boolean unplaced;

    public GenerationException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private GenerationException(String message, Throwable cause, boolean unplaced) {
        super(message, cause);
        this.unplaced = unplaced;
    }

    /**
     * A value a generator cannot make, in the spec's words and with the fix; the item being made adds the attribute
     * and the item's index to it.
     */
    static GenerationException unplaced(String message) {
        return new GenerationException(message, null, true);
    }

    boolean unplaced() {
        return unplaced;
    }
}
