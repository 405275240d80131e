package dev.dynaseed.generate;

import dev.dynaseed.cost.ItemSize;
import dev.dynaseed.spec.CollectionSpec;
import dev.dynaseed.spec.EntitySpec;
import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.SeedSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Makes the items of one table. Item {@code i} depends only on the table seed, the base time and {@code i}, never
 * on which thread asks or in what order, so a run with a randomSeed is repeatable at any concurrency. A seed block
 * with entities places its item types by {@link EntityLayout}.
 */
public final class ItemGenerator {
    /** DynamoDB's largest item. */
    public static final long MAX_ITEM_BYTES = 400 * 1024;

    private final String tableName;
    private final long baseEpochMillis;
    private final ItemRecipe plain;
    private final EntityLayout layout;
    private final List<ItemRecipe> entities = new ArrayList<>();
    private final List<ItemRecipe> parentsForChildren = new ArrayList<>();
    private final List<List<ItemRecipe>> collections = new ArrayList<>();

    private ItemGenerator(
            String tableName, SeedSpec seed, long tableSeed, Instant baseTime, long runSeed, Instant now) {
        this.tableName = tableName;
        try {
            this.baseEpochMillis = baseTime.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new GenerationException(
                    "the base time " + baseTime + " is out of range; use one from year 0 to 9999", e);
        }
        this.plain = ItemRecipe.of("", "", RunBinding.bind(seed.attributes(), runSeed, now), tableSeed);
        this.layout = EntityLayout.of(seed);
        for (EntitySpec entity : seed.entities()) {
            Map<String, GeneratorSpec> attributes = RunBinding.bind(entity.attributes(), runSeed, now);
            String label = " of entity '" + entity.name() + "'";
            entities.add(ItemRecipe.of(label, entity.name() + ".", attributes, tableSeed));
            Set<String> readByChildren = new LinkedHashSet<>();
            List<ItemRecipe> children = new ArrayList<>();
            for (CollectionSpec collection : entity.collections()) {
                collection.attributes().values().forEach(g -> readByChildren.addAll(AttributeOrder.readsOfParent(g)));
                children.add(ItemRecipe.of(
                        " of entity '" + collection.name() + "'",
                        entity.name() + "/" + collection.name() + ".",
                        RunBinding.bind(collection.attributes(), runSeed, now),
                        tableSeed));
            }
            parentsForChildren.add(ItemRecipe.only(label, entity.name() + ".", attributes, tableSeed, readByChildren));
            collections.add(children);
        }
    }

    /**
     * The generator for a table's seed block. With a randomSeed, values repeat from run to run (times start at the
     * spec's baseTime); without one, {@code runSeed} and {@code now} make this run's values fresh.
     */
    public static ItemGenerator forTable(String tableName, SeedSpec seed, long runSeed, Instant now) {
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(now, "now");
        long tableSeed = tableSeed(tableName, seed.randomSeed(), runSeed);
        Instant base = baseTime(seed.randomSeed(), seed.baseTime(), now);
        return new ItemGenerator(tableName, seed, tableSeed, base, runSeed, now);
    }

    static long tableSeed(String tableName, java.util.Optional<Long> randomSeed, long runSeed) {
        return Seeds.mix(randomSeed.orElse(runSeed), Seeds.ofText(tableName));
    }

    static Instant baseTime(java.util.Optional<Long> randomSeed, java.util.Optional<Instant> baseTime, Instant now) {
        return randomSeed.isPresent() ? baseTime.orElse(SeedSpec.DEFAULT_BASE_TIME) : now;
    }

    /**
     * The item at {@code index}.
     *
     * @throws GenerationException naming the attribute and the index when a generator fails, or the table and the
     *     index when the item is larger than DynamoDB's 400 KB (it is never sent)
     */
    public Map<String, AttributeValue> item(long index) {
        Map<String, AttributeValue> item;
        if (entities.isEmpty()) {
            item = plain.make(index, index, baseEpochMillis, Map.of());
        } else {
            EntityLayout.Position position = layout.locate(index);
            if (position.collection() < 0) {
                item = entities.get(position.entity()).make(position.ordinal(), index, baseEpochMillis, Map.of());
            } else {
                Map<String, AttributeValue> parent = parentsForChildren
                        .get(position.entity())
                        .make(position.parent(), index, baseEpochMillis, Map.of());
                item = collections
                        .get(position.entity())
                        .get(position.collection())
                        .make(position.ordinal(), index, baseEpochMillis, parent);
            }
        }
        long bytes = ItemSize.bytes(item);
        if (bytes > MAX_ITEM_BYTES) {
            throw new GenerationException(
                    "item " + index + " of table " + tableName + " is " + bytes
                            + " bytes, over DynamoDB's 400 KB item limit, and was not sent; make its lists, sets or texts"
                            + " smaller (maxSize, length)",
                    null);
        }
        return item;
    }

    static String describe(RuntimeException e) {
        return e.getMessage() + " (" + e.getClass().getSimpleName()
                + "); check its parameters, and report it if the spec passed validation";
    }
}
