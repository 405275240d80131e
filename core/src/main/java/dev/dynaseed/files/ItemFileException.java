package dev.dynaseed.files;

import dev.dynaseed.DynaseedException;

/** An item file could not be read while items were being written (it changed since it was scanned, or broke). */
public final class ItemFileException extends DynaseedException {
    private static final long serialVersionUID = 1L;

    public ItemFileException(String message) {
        super(message);
    }
}
