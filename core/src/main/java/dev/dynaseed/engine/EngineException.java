package dev.dynaseed.engine;

import dev.dynaseed.DynaseedException;

/** The local engine could not be installed, started, reached or stopped; the message says what to do. */
public final class EngineException extends DynaseedException {
    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
