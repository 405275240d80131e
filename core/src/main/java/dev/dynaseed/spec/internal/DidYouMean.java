package dev.dynaseed.spec.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the closest known name to a misspelt one. */
public final class DidYouMean {
    private DidYouMean() {}

    /** "did you mean 'x'? " for the closest candidate, or nothing when none is close: the start of a fix. */
    public static String hint(String input, Collection<String> candidates) {
        return closest(input, candidates)
                .map(match -> "did you mean '" + match + "'? ")
                .orElse("");
    }

    /** The candidate closest to {@code input}, if one is close enough to be a likely typo. */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        String needle = input.toLowerCase(Locale.ROOT);
        int tolerance = Math.max(2, needle.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            // The distance is at least the difference in length: skip the quadratic work for hopeless candidates.
            if (Math.abs(candidate.length() - needle.length()) > tolerance) {
                continue;
            }
            int distance = distance(needle, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= tolerance ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Edits from {@code a} to {@code b}: insertions, deletions, substitutions and swaps of neighbours (jsnol, jsonl). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
