package dev.dynaseed.spec.internal;

import java.util.Locale;

/**
 * Shows a value taken from a spec in a message: quoted, on one line, and cut to {@value #MAX_SHOWN} characters, so
 * that a 100,000-character name cannot flood the terminal. Every message that repeats user text goes through here.
 */
public final class Quote {
    /** The most characters of a value shown. */
    public static final int MAX_SHOWN = 60;

    private Quote() {}

    /** {@code 'orders'}, or for a long value {@code 'xxxx...' (100,000 characters)}. */
    public static String of(String text) {
        String shown = oneLine(text);
        return isLong(text) ? "'" + shown + "...' (" + length(text) + ")" : "'" + shown + "'";
    }

    /** The value unquoted (for paths and numbers): {@code orders}, or {@code xxxx... (100,000 characters)}. */
    public static String bare(String text) {
        String shown = oneLine(text);
        return isLong(text) ? shown + "... (" + length(text) + ")" : shown;
    }

    private static boolean isLong(String text) {
        return text.codePointCount(0, text.length()) > MAX_SHOWN;
    }

    private static String length(String text) {
        return SpecLimits.grouped(text.codePointCount(0, text.length())) + " characters";
    }

    /** The first {@value #MAX_SHOWN} code points, with line breaks and other control characters escaped. */
    private static String oneLine(String text) {
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (int i = 0; i < text.length() && count < MAX_SHOWN; count++) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            switch (codePoint) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                default -> {
                    if (Character.isISOControl(codePoint)) {
                        shown.append(String.format(Locale.ROOT, "\\u%04x", codePoint));
                    } else {
                        shown.appendCodePoint(codePoint);
                    }
                }
            }
        }
        return shown.toString();
    }
}
