package dev.dynaseed.checkpoint;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.generate.ItemGenerator;
import dev.dynaseed.seed.BatchWriter;
import dev.dynaseed.seed.IndexRanges;
import dev.dynaseed.seed.ItemSource;
import dev.dynaseed.seed.SeedOutcome;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.SeedSpec;
import dev.dynaseed.spec.TableSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.LongStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The keys of the items a spec seeded into one table, made again: from the spec alone when its keys repeat (a
 * randomSeed, or key generators such as sequence and constant), else from the checkpoint of the last seed.
 *
 * @param table the table's spec
 * @param runSeed the seed the items were made with
 * @param baseTime the base time the items were made with
 * @param indexes the item indexes seeded
 */
public record SeededItems(TableSpec table, long runSeed, Instant baseTime, IndexRanges indexes) {
    public SeededItems {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(baseTime, "baseTime");
        Objects.requireNonNull(indexes, "indexes");
    }

    /**
     * The items {@code table}'s spec seeded; empty, with {@code problems} told why, when its keys cannot be made
     * again.
     */
    public static Optional<SeededItems> of(TableSpec table, Optional<TableCheckpoint> last, List<String> problems) {
        SeedSpec seed = table.seed();
        if (seed.randomSeed().isPresent() || variableKeys(table).isEmpty()) {
            // The run seed and base time do not reach the keys: any will do.
            return Optional.of(new SeededItems(table, 0, SeedSpec.DEFAULT_BASE_TIME, IndexRanges.upTo(seed.count())));
        }
        Optional<TableCheckpoint> same = last.filter(
                entry -> entry.spec().digest().equals(TableDigest.of(table).digest()));
        if (same.isPresent()) {
            TableCheckpoint entry = same.get();
            return Optional.of(new SeededItems(table, entry.runSeed(), entry.baseTime(), entry.written()));
        }
        problems.add("table '" + table.name() + "': its key " + String.join(" and ", variableKeys(table))
                + " differs on every run (no seed.randomSeed) and no checkpoint of its last seed"
                + (last.isPresent() ? " matches the spec" : " exists")
                + ", so its items cannot be told from others; seed it with a randomSeed (e.g. randomSeed: 42) or"
                + " sequence/constant keys to make keys repeatable, or delete the whole table with 'dynaseed destroy'");
        return Optional.empty();
    }

    /** The key attributes whose values change from run to run, e.g. {@code id (uuid4)}. */
    private static List<String> variableKeys(TableSpec table) {
        List<String> variable = new ArrayList<>();
        for (String key : table.keyNames()) {
            GeneratorSpec generator = table.seed().attributes().get(key);
            if (generator == null || generator.variesAcrossRuns()) {
                variable.add(key + (generator == null ? "" : " (" + generator.kind() + ")"));
            }
        }
        return variable;
    }

    /** How many items were seeded. */
    public long count() {
        return indexes.size();
    }

    /** Deletes these items through {@code writer} (BatchWriteItem DeleteRequests, resent and counted as writes). */
    public SeedOutcome delete(BatchWriter writer, SeedProgress progress, RunDeadline deadline)
            throws InterruptedException {
        List<String> keyNames = table.keyNames();
        ItemGenerator generator = ItemGenerator.forTable(table.name(), table.seed(), runSeed, baseTime);
        ItemSource keys = new ItemSource() {
            @Override
            public long size() {
                return indexes.size();
            }

            @Override
            public Iterator<Map<String, AttributeValue>> iterator() {
                return indexes.ranges().stream()
                        .flatMap(range -> LongStream.range(range.from(), range.to())
                                .mapToObj(index -> key(generator.item(index), keyNames)))
                        .iterator();
            }
        };
        return writer.delete(table.name(), keyNames, keys, progress, deadline);
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item, List<String> keyNames) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        keyNames.forEach(name -> key.put(name, item.get(name)));
        return key;
    }
}
