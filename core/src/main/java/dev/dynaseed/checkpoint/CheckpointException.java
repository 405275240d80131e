package dev.dynaseed.checkpoint;

import dev.dynaseed.DynaseedException;

/** A checkpoint cannot be read, written or resumed from; the message says which file and what to do. */
public final class CheckpointException extends DynaseedException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
