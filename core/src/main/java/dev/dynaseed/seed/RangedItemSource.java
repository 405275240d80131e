package dev.dynaseed.seed;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The items of a source at some indexes only: what a resumed run still has to write. */
final class RangedItemSource implements ItemSource {
    private final ItemSource source;
    private final IndexRanges indexes;

    private RangedItemSource(ItemSource source, IndexRanges indexes) {
        this.source = source;
        this.indexes = indexes;
    }

    /** {@code source}'s items at {@code indexes}; the source itself when those are all of its items. */
    static ItemSource of(ItemSource source, IndexRanges indexes) {
        if (indexes.equals(IndexRanges.upTo(source.size()))) {
            return source;
        }
        if (source instanceof GeneratedItemSource generated) {
            return generated.only(indexes);
        }
        if (source instanceof SourcedItemSource sourced) {
            return sourced.only(indexes);
        }
        return new RangedItemSource(source, indexes);
    }

    @Override
    public long size() {
        return indexes.size();
    }

    @Override
    public Iterator<Map<String, AttributeValue>> iterator() {
        Iterator<Map<String, AttributeValue>> all = source.iterator();
        Iterator<IndexRanges.Range> ranges = indexes.ranges().iterator();
        return new Iterator<>() {
            private long index;
            private IndexRanges.Range range = ranges.hasNext() ? ranges.next() : null;

            @Override
            public boolean hasNext() {
                return range != null && all.hasNext();
            }

            @Override
            public Map<String, AttributeValue> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                // Other sources cannot jump: read past the indexes not wanted.
                while (index < range.from()) {
                    all.next();
                    index++;
                }
                Map<String, AttributeValue> item = all.next();
                index++;
                if (index == range.to()) {
                    range = ranges.hasNext() ? ranges.next() : null;
                }
                return item;
            }
        };
    }
}
