package dev.dynaseed.files;

import dev.dynaseed.spec.internal.DynamoNumbers;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks number text the way DynamoDB reads it, keeping the text (and so every digit) as it is. */
final class Numbers {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    // The form DynamoDB itself answers with, so reading it back gives the very same text; -0 comes back as 0.
    private static final Pattern CANONICAL = Pattern.compile("(?!-0$)-?(0|[1-9]\\d*)(\\.\\d*[1-9])?");
    /**
     * The longest canonical text of a number DynamoDB stores: {@code -0.}, 129 zeros and 38 digits (the smallest
     * magnitude, 1E-130, with every digit DynamoDB keeps). Longer text cannot be one, so it is not parsed.
     */
    static final int MAX_CANONICAL_CHARS = 3 + 129 + 38;

    private Numbers() {}

    /**
     * {@code text} when it is a number DynamoDB can store, its digits kept; a leading {@code +} is dropped, as DynamoDB
     * stores {@code +5} as {@code 5} (and some engines refuse the sign).
     */
    static String check(String text, String at) throws ItemFormatException {
        if (!NUMBER.matcher(text).matches()) {
            throw new ItemFormatException(at + " is " + shown(text) + ", not a number; write e.g. \"42\" or \"-1.5\"");
        }
        Optional<String> problem = DynamoNumbers.problem(new BigDecimal(text));
        if (problem.isPresent()) {
            throw new ItemFormatException(at + ": " + problem.get());
        }
        return text.startsWith("+") ? text.substring(1) : text;
    }

    /** A JSON number's text: without an exponent (as DynamoDB answers), once DynamoDB can store it. */
    static String check(BigDecimal number, String at) throws ItemFormatException {
        Optional<String> problem = DynamoNumbers.problem(number);
        if (problem.isPresent()) {
            throw new ItemFormatException(at + ": " + problem.get());
        }
        return number.toPlainString();
    }

    /**
     * Whether {@code text} is a number in the form DynamoDB answers with, so that it reads back character for character:
     * no sign but a leading minus, no leading or trailing zeros, no exponent, not {@code -0}.
     */
    static boolean canonical(String text) {
        return text.length() <= MAX_CANONICAL_CHARS
                && CANONICAL.matcher(text).matches()
                && DynamoNumbers.problem(new BigDecimal(text)).isEmpty();
    }

    private static String shown(String text) {
        return "\"" + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "\"";
    }
}
