package dev.dynaseed.cost;

import dev.dynaseed.generate.ItemGenerator;
import dev.dynaseed.spec.IndexSpec;
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
 * values such as sequences are measured across their range), measures each as DynamoDB sizes items, and multiplies
 * the average write units per item by the items the run would write.
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
        long items = table.seed().count();
        int sample = (int) Math.min(items, SAMPLE);
        if (sample == 0) {
            return new TableWriteEstimate(table.name(), 0, 0, 0, 0, 0, table.billing());
        }
        ItemGenerator generator = ItemGenerator.forTable(table.name(), table.seed(), runSeed, now);
        List<IndexSpec> indexes = Stream.concat(
                        table.features().globalSecondaryIndexes().stream(),
                        table.features().localSecondaryIndexes().stream())
                .map(IndexSpec.class::cast)
                .toList();
        long totalBytes = 0;
        long largest = 0;
        long totalUnits = 0;
        for (int i = 0; i < sample; i++) {
            long index = sample == items ? i : (long) ((double) i * items / sample);
            Map<String, AttributeValue> item = generator.item(index);
            long bytes = ItemSize.bytes(item);
            long units = ItemSize.writeUnits(bytes);
            for (IndexSpec secondary : indexes) {
                // An item is written to an index only when it has the index's key attributes; the whole item's
                // size is an upper bound for what a KEYS_ONLY or INCLUDE projection writes.
                if (secondary.keyAttributes().stream().map(KeySpec::name).allMatch(item::containsKey)) {
                    units += ItemSize.writeUnits(bytes);
                }
            }
            totalBytes += bytes;
            largest = Math.max(largest, bytes);
            totalUnits += units;
        }
        // items x (totalUnits / sample), rounded up, exactly and without overflow.
        long writeUnits = BigInteger.valueOf(items)
                .multiply(BigInteger.valueOf(totalUnits))
                .add(BigInteger.valueOf(sample - 1L))
                .divide(BigInteger.valueOf(sample))
                .longValueExact();
        return new TableWriteEstimate(
                table.name(), items, sample, totalBytes / sample, largest, writeUnits, table.billing());
    }
}
