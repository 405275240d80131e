package dev.dynaseed.cost;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as DynamoDB bills it: the UTF-8 bytes of every attribute name plus each value's size (strings in
 * UTF-8 bytes, binaries in bytes, numbers about 1 byte per two significant digits plus 1 (see {@code number}),
 * booleans and nulls 1 byte, lists and maps 3 bytes plus 1 per element plus their contents, sets the sum of their
 * elements).
 */
public final class ItemSize {
    /** One write request unit (or write capacity unit) writes up to this many bytes of an item. */
    public static final int BYTES_PER_WRITE_UNIT = 1024;

    private ItemSize() {}

    /** The item's size in bytes. */
    public static long bytes(Map<String, AttributeValue> item) {
        Objects.requireNonNull(item, "item");
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + value(attribute.getValue());
        }
        return size;
    }

    /** The write units a standard (non-transactional) write of an item of {@code bytes} takes: ceil(bytes / 1 KB). */
    public static long writeUnits(long bytes) {
        return Math.max(1, (bytes + BYTES_PER_WRITE_UNIT - 1) / BYTES_PER_WRITE_UNIT);
    }

    private static long value(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> number(value.n());
            case B -> value.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case SS -> value.ss().stream().mapToLong(ItemSize::utf8).sum();
            case NS -> value.ns().stream().mapToLong(ItemSize::number).sum();
            case BS ->
                value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
            case L -> list(value.l());
            case M -> map(value.m());
            case UNKNOWN_TO_SDK_VERSION -> 0;
        };
    }

    private static long list(List<AttributeValue> values) {
        long size = 3;
        for (AttributeValue element : values) {
            size += 1 + value(element);
        }
        return size;
    }

    private static long map(Map<String, AttributeValue> values) {
        long size = 3;
        for (Map.Entry<String, AttributeValue> entry : values.entrySet()) {
            size += 1 + utf8(entry.getKey()) + value(entry.getValue());
        }
        return size;
    }

    /**
     * A number's bytes as DynamoDB stores it (and dynalite counts it): 1, plus one per pair of significant digits
     * aligned on the decimal point (one more when an even count of digits starts at an even power of ten), plus one
     * for a negative number. Never less than DynamoDB counts: an item measured within 400 KB is not refused.
     */
    private static long number(String text) {
        BigDecimal number;
        try {
            number = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            // Not a number DynamoDB would store either; its text length is an upper bound.
            return text.length() + 2L;
        }
        if (number.signum() == 0) {
            return 1;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        int digits = stripped.precision();
        long exponent = (long) digits - stripped.scale() - 1;
        return 1 + (digits + 1) / 2 + (digits % 2 == 0 && exponent % 2 == 0 ? 1 : 0) + (number.signum() < 0 ? 1 : 0);
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
