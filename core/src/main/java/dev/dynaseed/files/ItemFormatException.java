package dev.dynaseed.files;

/** An item (or one of its values) is not what its format allows; the message says why, without the file or line. */
public final class ItemFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ItemFormatException(String message) {
        super(message);
    }
}
