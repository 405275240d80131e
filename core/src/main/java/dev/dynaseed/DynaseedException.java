package dev.dynaseed;

/** The base of every error dynaseed raises on purpose; its message tells the user what to do. */
public class DynaseedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DynaseedException(String message) {
        super(message);
    }

    public DynaseedException(String message, Throwable cause) {
        super(message, cause);
    }
}
