package dev.dynaseed.seed;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code count} items made as they are read ({@code id: item-0 ...} and a payload of {@code bytes} characters). */
final class SyntheticItems implements ItemSource {
    private final long count;
    private final String payload;

    SyntheticItems(long count, int bytes) {
        this.count = count;
        this.payload = "x".repeat(bytes);
    }

    @Override
    public long size() {
        return count;
    }

    @Override
    public Iterator<Map<String, AttributeValue>> iterator() {
        return new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Map<String, AttributeValue> next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                long index = next++;
                // A fresh String per item, as a generator makes, so retaining items would retain their payloads.
                return Map.of(
                        "id", AttributeValue.fromS("item-" + index),
                        "payload", AttributeValue.fromS(new String(payload.toCharArray())),
                        "n", AttributeValue.fromN(Long.toString(index)));
            }
        };
    }
}
