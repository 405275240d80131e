package dev.dynaseed.seed;

import dev.dynaseed.generate.ItemGenerator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items {@code 0 .. count-1} of an {@link ItemGenerator}, made as they are read. */
public final class GeneratedItemSource implements ItemSource {
    private final ItemGenerator generator;
    private final long count;

    public GeneratedItemSource(ItemGenerator generator, long count) {
        this.generator = Objects.requireNonNull(generator, "generator");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        this.count = count;
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
                return generator.item(next++);
            }
        };
    }
}
