package dev.dynaseed.cost;

import dev.dynaseed.files.ItemFiles;
import dev.dynaseed.generate.ItemGenerator;
import dev.dynaseed.spec.IndexSpec;
import dev.dynaseed.spec.ItemSourceSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Estimates a run's writes before it starts: for each table it generates up to {@value #SAMPLE} items with the
 * table's real generators (the run's seed and time, at indexes spread evenly over the table's items, so growing
 * values such as sequences are measured across their range) and reads up to {@value #SAMPLE} of its inline and file
 * items (the first ones; files must have been scanned), measures each as DynamoDB sizes items, and multiplies the
 * average write units per item of each part by the items of that part the run would write.
 */
public final class WriteEstimator {
    /** The most items generated per table to measure their size. */
    public static final int SAMPLE = 100;

    private final WritePrice price;

    public WriteEstimator(WritePrice price) {
        this.price = Objects.requireNonNull(price, "price");
    }

    /** An estimator at the us-east-1 Standard on-demand price. */
    public static WriteEstimator standard() {
        return new WriteEstimator(WritePrice.US_EAST_1_STANDARD);
    }

    /**
     * The estimate for applying {@code spec} with this run's seed and time (the values a spec without randomSeed
     * would get).
     *
     * @throws dev.dynaseed.generate.GenerationException when a generator fails on a sampled item
     */
    public WriteEstimate estimate(Spec spec, long runSeed, Instant now) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(now, "now");
        List<TableWriteEstimate> tables = new ArrayList<>();
        for (TableSpec table : spec.tables()) {
            tables.add(table(table, runSeed, now));
        }
        return new WriteEstimate(tables, price);
    }

    private static TableWriteEstimate table(TableSpec table, long runSeed, Instant now) {
        long fromSources = table.seed().sourceItems();
        long generated = table.seed().count();
        List<IndexSpec> indexes = Stream.concat(
                        table.features().globalSecondaryIndexes().stream(),
                        table.features().localSecondaryIndexes().stream())
                .map(IndexSpec.class::cast)
                .toList();
        Sample sources = new Sample();
        for (Map<String, AttributeValue> item : sourceSample(table, (int) Math.min(fromSources, SAMPLE))) {
            sources.add(item, indexes);
        }
        Sample made = new Sample();
        int sample = (int) Math.min(generated, SAMPLE);
        if (sample > 0) {
            ItemGenerator generator = ItemGenerator.forTable(table.name(), table.seed(), runSeed, now);
            for (int i = 0; i < sample; i++) {
                long index = sample == generated ? i : (long) ((double) i * generated / sample);
                made.add(generator.item(index), indexes);
            }
        }
        int sampled = sources.items + made.items;
        if (sampled == 0) {
            return new TableWriteEstimate(table.name(), fromSources + generated, 0, 0, 0, 0, table.billing());
        }
        return new TableWriteEstimate(
                table.name(),
                fromSources + generated,
                sampled,
                (sources.bytes + made.bytes) / sampled,
                Math.max(sources.largest, made.largest),
                sources.writeUnits(fromSources) + made.writeUnits(generated),
                table.billing());
    }

    /** The first {@code n} items of the table's inline items and files, in order. */
    private static List<Map<String, AttributeValue>> sourceSample(TableSpec table, int n) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (ItemSourceSpec source : table.seed().sources()) {
            if (items.size() >= n) {
                break;
            }
            List<Map<String, AttributeValue>> some = switch (source.kind()) {
                case INLINE -> ((ItemSourceSpec.Inline) source).items();
                case FILE -> ItemFiles.first((ItemSourceSpec.File) source, table, n - items.size());
            };
            items.addAll(some.subList(0, Math.min(some.size(), n - items.size())));
        }
        return items;
    }

    /** The sizes of sampled items. */
    private static final class Sample {
        private int items;
        private long bytes;
        private long largest;
        private long units;

        void add(Map<String, AttributeValue> item, List<IndexSpec> indexes) {
            long size = ItemSize.bytes(item);
            long itemUnits = ItemSize.writeUnits(size);
            for (IndexSpec secondary : indexes) {
                // An item is written to an index only when it has the index's key attributes; the whole item's
                // size is an upper bound for what a KEYS_ONLY or INCLUDE projection writes.
                if (secondary.keyAttributes().stream().map(KeySpec::name).allMatch(item::containsKey)) {
                    itemUnits += ItemSize.writeUnits(size);
                }
            }
            items++;
            bytes += size;
            largest = Math.max(largest, size);
            units += itemUnits;
        }

        /** {@code count} x (units / items), rounded up, exactly and without overflow; 0 for no sample. */
        long writeUnits(long count) {
            if (items == 0) {
                return 0;
            }
            return BigInteger.valueOf(count)
                    .multiply(BigInteger.valueOf(units))
                    .add(BigInteger.valueOf(items - 1L))
                    .divide(BigInteger.valueOf(items))
                    .longValueExact();
        }
    }
}
