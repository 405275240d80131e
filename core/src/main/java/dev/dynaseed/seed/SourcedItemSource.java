package dev.dynaseed.seed;

import dev.dynaseed.files.ItemFiles;
import dev.dynaseed.generate.ItemGenerator;
import dev.dynaseed.spec.ItemSourceSpec;
import dev.dynaseed.spec.SourceSelection;
import dev.dynaseed.spec.TableSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.LongStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table's items in index order: first each source's items (inline, then files, as the seed block lists them:
 * indexes 0 to k-1), then the generated ones (k onwards; generated item i is the generator's item i - k, so adding a
 * source does not change the generated values). Files are read as the items are taken. Source items the seed's
 * {@link SourceSelection} leaves out (replaced by a later item with the same key, or past its limit) are read past:
 * they hold no index and are never sent, so no two items with one key are in flight at once.
 */
final class SourcedItemSource implements ItemSource {
    private final TableSpec table;
    private final ItemGenerator generator;
    private final long fromSources;
    private final long count;

    SourcedItemSource(TableSpec table, ItemGenerator generator) {
        this.table = table;
        this.generator = generator;
        this.fromSources = table.seed().sourceItems();
        this.count = table.seed().count();
    }

    @Override
    public long size() {
        return fromSources + count;
    }

    @Override
    public Iterator<Map<String, AttributeValue>> iterator() {
        return only(IndexRanges.upTo(size())).iterator();
    }

    /** The items at {@code indexes} only, in index order; generated items are made directly, sources read past. */
    ItemSource only(IndexRanges indexes) {
        return new ItemSource() {
            @Override
            public long size() {
                return indexes.size();
            }

            @Override
            public Iterator<Map<String, AttributeValue>> iterator() {
                List<IndexRanges.Range> inSources = new ArrayList<>();
                List<IndexRanges.Range> generated = new ArrayList<>();
                for (IndexRanges.Range range : indexes.ranges()) {
                    if (range.from() < fromSources) {
                        inSources.add(new IndexRanges.Range(range.from(), Math.min(range.to(), fromSources)));
                    }
                    if (range.to() > fromSources) {
                        generated.add(new IndexRanges.Range(Math.max(range.from(), fromSources), range.to()));
                    }
                }
                Iterator<Map<String, AttributeValue>> first = inSources.isEmpty()
                        ? Collections.emptyIterator()
                        : RangedItemSource.of(sourcesOnly(), IndexRanges.of(inSources))
                                .iterator();
                Iterator<Map<String, AttributeValue>> then = generated.stream()
                        .flatMap(range -> LongStream.range(range.from(), range.to())
                                .mapToObj(index -> generator.item(index - fromSources)))
                        .iterator();
                return concat(List.of(first, then));
            }
        };
    }

    private ItemSource sourcesOnly() {
        return new ItemSource() {
            @Override
            public long size() {
                return fromSources;
            }

            @Override
            public Iterator<Map<String, AttributeValue>> iterator() {
                List<Iterator<Map<String, AttributeValue>>> parts = new ArrayList<>();
                for (ItemSourceSpec source : table.seed().sources()) {
                    parts.add(
                            switch (source.kind()) {
                                case INLINE ->
                                    ((ItemSourceSpec.Inline) source).items().iterator();
                                case FILE -> ItemFiles.items((ItemSourceSpec.File) source, table);
                            });
                }
                return selected(concat(parts), table.seed().selection(), fromSources);
            }
        };
    }

    /** The items of {@code all} that {@code selection} writes: not superseded, at most {@code limit}. */
    private static Iterator<Map<String, AttributeValue>> selected(
            Iterator<Map<String, AttributeValue>> all, SourceSelection selection, long limit) {
        return new Iterator<>() {
            private long position;
            private long taken;
            private Map<String, AttributeValue> next;

            @Override
            public boolean hasNext() {
                while (next == null && taken < limit && all.hasNext()) {
                    Map<String, AttributeValue> item = all.next();
                    if (!selection.isSuperseded(position++)) {
                        next = item;
                    }
                }
                return next != null;
            }

            @Override
            public Map<String, AttributeValue> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Map<String, AttributeValue> item = next;
                next = null;
                taken++;
                return item;
            }
        };
    }

    /** The iterators one after the other; each is only started once the one before it ended. */
    private static Iterator<Map<String, AttributeValue>> concat(List<Iterator<Map<String, AttributeValue>>> parts) {
        return new Iterator<>() {
            private int part;

            @Override
            public boolean hasNext() {
                while (part < parts.size()) {
                    if (parts.get(part).hasNext()) {
                        return true;
                    }
                    part++;
                }
                return false;
            }

            @Override
            public Map<String, AttributeValue> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return parts.get(part).next();
            }
        };
    }
}
