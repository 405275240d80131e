package dev.dynaseed.cost;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as DynamoDB bills it: the UTF-8 bytes of every attribute name plus each value's size (strings in
 * UTF-8 bytes, binaries in bytes, numbers 1 byte per two significant digits plus 1, booleans and nulls 1 byte, lists
 * and maps 3 bytes plus 1 per element plus their contents, sets the sum of their elements).
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

    private static long number(String text) {
        int digits;
        try {
            BigDecimal number = new BigDecimal(text.trim());
            digits = number.signum() == 0 ? 1 : number.stripTrailingZeros().precision();
        } catch (NumberFormatException e) {
            // Not a number DynamoDB would store either; its text length is an upper bound.
            digits = text.length();
        }
        return (digits + 1) / 2 + 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
