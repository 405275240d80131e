package dev.dynaseed.generate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The numeric generators: sequences, whole and decimal ranges, and random bytes. */
final class RangeGenerators {
    private RangeGenerators() {}

    static Generator sequence(long start, long step, String prefix) {
        return context -> {
            long value = start + context.index() * step;
            return prefix == null ? AttributeValue.fromN(Long.toString(value)) : AttributeValue.fromS(prefix + value);
        };
    }

    static Generator intRange(long min, long max) {
        return context -> AttributeValue.fromN(Long.toString(between(context, min, max)));
    }

    private static long between(GenerationContext context, long min, long max) {
        if (max == Long.MAX_VALUE) {
            return min == Long.MIN_VALUE
                    ? context.random().nextLong()
                    : context.random().nextLong(min - 1, max) + 1;
        }
        return context.random().nextLong(min, max + 1);
    }

    static Generator decimalRange(BigDecimal min, BigDecimal max, int scale) {
        BigDecimal low = min.setScale(scale, RoundingMode.CEILING);
        BigDecimal high = max.setScale(scale, RoundingMode.FLOOR).max(low);
        BigInteger steps = high.subtract(low).unscaledValue();
        if (steps.bitLength() >= 63) {
            throw new IllegalArgumentException("decimalRange [" + min + ", " + max + "] with scale " + scale
                    + " has too many values; lower the scale or narrow the range");
        }
        long count = steps.longValueExact() + 1;
        return context -> {
            long step = context.random().nextLong(count);
            return AttributeValue.fromN(low.add(BigDecimal.valueOf(step, scale)).toPlainString());
        };
    }

    static Generator bytes(int length) {
        return context -> {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i += 8) {
                long word = context.random().nextLong();
                for (int j = i; j < Math.min(length, i + 8); j++) {
                    bytes[j] = (byte) word;
                    word >>>= 8;
                }
            }
            return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(bytes));
        };
    }
}
