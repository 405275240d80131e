package dev.dynaseed.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Whether numbers with a given count of decimals lie in a range at all: else every draw would fall outside it. */
final class ScaledRange {
    private ScaledRange() {}

    /**
     * Why no number with {@code scale} digits after the point lies from {@code min} to {@code max} (both included),
     * with the fix: the least scale up to {@code maxScale} that holds one, or wider bounds; empty when one does.
     */
    static Optional<String> emptyProblem(BigDecimal min, BigDecimal max, int scale, int maxScale) {
        if (holdsAny(min, max, scale)) {
            return Optional.empty();
        }
        String which = scale == 0
                ? "no whole number"
                : "no number with " + scale + " digit" + (scale == 1 ? "" : "s") + " after the point";
        int fits = scale + 1;
        while (fits <= maxScale && !holdsAny(min, max, fits)) {
            fits++;
        }
        return Optional.of(which + " lies between min " + plain(min) + " and max " + plain(max)
                + (fits <= maxScale
                        ? "; widen them, or give " + (scale == 0 ? "decimals" : "more decimals") + " with scale: "
                                + fits
                        : "; widen them"));
    }

    private static boolean holdsAny(BigDecimal min, BigDecimal max, int scale) {
        return min.setScale(scale, RoundingMode.CEILING).compareTo(max) <= 0;
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
