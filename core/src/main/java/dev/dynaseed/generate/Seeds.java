package dev.dynaseed.generate;

/** Mixes numbers into well-spread 64-bit seeds (SplitMix64's finaliser). */
final class Seeds {
    private Seeds() {}

    static long mix(long a, long b) {
        return finish(finish(a) ^ (b + 0x9E3779B97F4A7C15L));
    }

    static long ofText(String text) {
        long hash = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            hash = 31 * hash + text.charAt(i);
        }
        return finish(hash);
    }

    private static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
