package dev.dynaseed.spec.internal;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * DynamoDB's Number type: magnitudes below 1E+126, nonzero magnitudes of at least 1E-130, and at most 38 significant
 * digits (leading and trailing zeros do not count).
 */
public final class DynamoNumbers {
    /** The most significant digits a DynamoDB number holds. */
    public static final int MAX_DIGITS = 38;

    private static final BigDecimal LARGEST_EXCLUSIVE = new BigDecimal("1E+126");
    private static final BigDecimal SMALLEST = new BigDecimal("1E-130");

    private DynamoNumbers() {}

    /** Why DynamoDB cannot store {@code number}, as the start of a message naming it; empty when it can. */
    public static Optional<String> problem(BigDecimal number) {
        Optional<String> range = rangeProblem(number);
        if (range.isPresent()) {
            return range;
        }
        String shown = Quote.bare(number.toString());
        int digits = significantDigits(number);
        if (digits > MAX_DIGITS) {
            return Optional.of(
                    shown + " has " + digits + " significant digits; DynamoDB numbers hold at most " + MAX_DIGITS);
        }
        return Optional.empty();
    }

    /**
     * Why {@code number} lies outside DynamoDB's range (too large, or nonzero and too close to 0), as the start of a
     * message naming it; empty when it is inside. Its digits are not judged: see {@link #problem}.
     */
    public static Optional<String> rangeProblem(BigDecimal number) {
        String shown = Quote.bare(number.toString());
        BigDecimal magnitude = number.abs();
        if (magnitude.compareTo(LARGEST_EXCLUSIVE) >= 0) {
            return Optional.of(shown + " is out of range; DynamoDB numbers lie between -1E+126 and 1E+126");
        }
        if (number.signum() != 0 && magnitude.compareTo(SMALLEST) < 0) {
            return Optional.of(shown + " is too close to 0; DynamoDB stores nonzero numbers from 1E-130 up");
        }
        return Optional.empty();
    }

    /** The digits DynamoDB keeps of {@code number}: without leading and trailing zeros. */
    public static int significantDigits(BigDecimal number) {
        return number.signum() == 0 ? 1 : number.stripTrailingZeros().precision();
    }
}
