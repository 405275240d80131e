package dev.dynaseed.spec.internal;

import java.util.regex.Pattern;

/** SnakeYAML's reasons for refusing a document, in words a user can act on (never a Java exception's name). */
public final class YamlReasons {
    private static final Pattern JAVA_EXCEPTION =
            Pattern.compile("\\s*(?:failed to tokenize due to\\s*)?\\((?:[\\w$]+\\.)+[\\w$]*(?:Exception|Error)\\):?");

    /** What SnakeYAML's NumberFormatException (an escape's digits read past the end) means. */
    public static final String CUT_SHORT_ESCAPE = "an escape ends before its hexadecimal digits (\\u00e9 in a"
            + " double-quoted string takes 4, %2F in a tag 2); write them all, or use single quotes, in which a"
            + " backslash is plain text";

    private YamlReasons() {}

    /** The reason on one line, a known unhelpful one replaced by what to do. */
    public static String explain(String reason) {
        String line = reason == null ? "" : reason.replaceAll("\\s+", " ").strip();
        if (line.contains("under radix 16") || line.startsWith("Malformed Number token")) {
            // SnakeYAML reads the hexadecimal digits of an escape past the end of the document.
            return CUT_SHORT_ESCAPE;
        }
        String cleaned = JAVA_EXCEPTION.matcher(line).replaceAll("").strip();
        if (cleaned.isEmpty() || cleaned.matches("(?s).*\\b\\w*(Exception|Error)\\b.*")) {
            return "cannot be parsed";
        }
        return cleaned;
    }
}
