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
    private final Map<String, GeneratorSpec> specs;

    private ItemGenerator(Map<String, GeneratorSpec> attributes, long tableSeed, Instant baseTime) {
        this.tableSeed = tableSeed;
        this.specs = attributes;
        try {
            this.baseEpochMillis = baseTime.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new GenerationException(
                    "the base time " + baseTime + " is out of range; use one from year 0 to 9999", e);
        }
        attributes.forEach((name, spec) -> {
            long seed = Seeds.mix(tableSeed, Seeds.ofText(name));
            try {
                generators.put(name, GeneratorKinds.create(spec, seed));
            } catch (RuntimeException e) {
                throw new GenerationException(
                        "generator '" + spec.kind() + "' of attribute '" + name + "' cannot start: " + describe(e), e);
            }
            attributeSeeds.put(name, seed);
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

    /**
     * The item at {@code index}.
     *
     * @throws GenerationException naming the attribute and the index when a generator fails
     */
    public Map<String, AttributeValue> item(long index) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(generators.size() * 2);
        generators.forEach((name, generator) -> {
            SplittableRandom random = new SplittableRandom(Seeds.mix(attributeSeeds.get(name), index));
            try {
                item.put(name, generator.next(new GenerationContext(index, random, baseEpochMillis)));
            } catch (RuntimeException e) {
                throw new GenerationException(
                        "generator '" + specs.get(name).kind() + "' of attribute '" + name + "' failed at item " + index
                                + ": " + describe(e),
                        e);
            }
        });
        return item;
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() + " (" + e.getClass().getSimpleName()
                + "); check its parameters, and report it if the spec passed validation";
    }
}
