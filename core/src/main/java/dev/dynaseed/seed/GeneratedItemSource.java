package dev.dynaseed.seed;

import dev.dynaseed.generate.ItemGenerator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.LongStream;
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

    /** The generator's items at {@code indexes} only, in index order, made as they are read. */
    ItemSource only(IndexRanges indexes) {
        return new ItemSource() {
            @Override
            public long size() {
                return indexes.size();
            }

            @Override
            public Iterator<Map<String, AttributeValue>> iterator() {
                return indexes.ranges().stream()
                        .flatMap(range ->
                                LongStream.range(range.from(), range.to()).mapToObj(generator::item))
                        .iterator();
            }
        };
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
