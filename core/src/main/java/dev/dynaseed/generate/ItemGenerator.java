package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.SeedSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Makes the items of one table. Item {@code i} depends only on the table seed, the base time and {@code i}, never
 * on which thread asks or in what order, so a run with a randomSeed is repeatable at any concurrency.
 */
public final class ItemGenerator {
    private final long tableSeed;
    private final long baseEpochMillis;
    private final Map<String, Generator> generators = new LinkedHashMap<>();
    private final Map<String, Long> attributeSeeds = new LinkedHashMap<>();

    private ItemGenerator(Map<String, GeneratorSpec> attributes, long tableSeed, Instant baseTime) {
        this.tableSeed = tableSeed;
        this.baseEpochMillis = baseTime.toEpochMilli();
        attributes.forEach((name, spec) -> {
            generators.put(name, Generators.create(spec, Seeds.mix(tableSeed, Seeds.ofText(name))));
            attributeSeeds.put(name, Seeds.mix(tableSeed, Seeds.ofText(name)));
        });
    }

    /**
     * The generator for a table's seed block. With a randomSeed, values repeat from run to run (times start at the
     * spec's baseTime); without one, {@code runSeed} and {@code now} make this run's values fresh.
     */
    public static ItemGenerator forTable(String tableName, SeedSpec seed, long runSeed, Instant now) {
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(now, "now");
        long tableSeed = Seeds.mix(seed.randomSeed().orElse(runSeed), Seeds.ofText(tableName));
        Instant base = seed.randomSeed().isPresent() ? seed.baseTime().orElse(SeedSpec.DEFAULT_BASE_TIME) : now;
        return new ItemGenerator(seed.attributes(), tableSeed, base);
    }

    /** The item at {@code index}. */
    public Map<String, AttributeValue> item(long index) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(generators.size() * 2);
        generators.forEach((name, generator) -> {
            SplittableRandom random = new SplittableRandom(Seeds.mix(attributeSeeds.get(name), index));
            item.put(name, generator.next(new GenerationContext(index, random, baseEpochMillis)));
        });
        return item;
    }
}
