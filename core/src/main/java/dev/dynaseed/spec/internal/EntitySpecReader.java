package dev.dynaseed.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynaseed.generate.EntityLayout;
import dev.dynaseed.spec.CollectionSpec;
import dev.dynaseed.spec.EntitySpec;
import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SeedSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a seed block's {@code entities} (the item types of a single-table design) and their {@code collections},
 * and works out the block's item count from them.
 */
public final class EntitySpecReader {
    public static final List<String> ENTITY_FIELDS = List.of("count", "attributes", "collections");
    public static final List<String> COLLECTION_FIELDS = List.of("perParent", "attributes");
    private static final String ENTITY_EXAMPLE = "entities: {user: {count: 100, attributes: {PK: 'USER#{user_id}'}}}";

    private final List<Problem> problems;
    private final GeneratorSpecReader generators;

    public EntitySpecReader(List<Problem> problems, GeneratorSpecReader generators) {
        this.problems = problems;
        this.generators = generators;
    }

    /** The entities in {@code node} (a map of entity names), empty (with problems) when they cannot be read. */
    public Optional<List<EntitySpec>> entities(JsonNode node, String path) {
        if (!node.isObject() || node.isEmpty()) {
            problems.add(new Problem(
                    path,
                    "expected a map of entity names to {count, attributes, collections}, got "
                            + ObjectFields.describe(node) + "; write e.g. " + ENTITY_EXAMPLE));
            return Optional.empty();
        }
        int before = problems.size();
        List<EntitySpec> entities = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            entity(entry.getKey(), entry.getValue(), SpecPaths.field(path, entry.getKey()))
                    .ifPresent(entities::add);
        }
        return problems.size() == before ? Optional.of(entities) : Optional.empty();
    }

    private Optional<EntitySpec> entity(String name, JsonNode node, String path) {
        Optional<ObjectFields> found =
                ObjectFields.of(node, path, problems, ENTITY_FIELDS, "{count: 100, attributes: {...}}");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ObjectFields fields = found.get();
        Optional<Long> count = fields.requiredWholeNumber("count", "count: 100", 0, SpecLimits.MAX_SEED_COUNT);
        Map<String, GeneratorSpec> attributes = attributes(fields);
        List<CollectionSpec> collections = new ArrayList<>();
        fields.node("collections").ifPresent(map -> {
            if (!map.isObject()) {
                fields.wrongType(
                        "collections",
                        map,
                        "a map of child item types",
                        "collections: {order: {perParent: {generator: intRange, min: 0, max: 20}, attributes: {...}}}");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                collection(
                                entry.getKey(),
                                entry.getValue(),
                                SpecPaths.field(fields.pathOf("collections"), entry.getKey()))
                        .ifPresent(collections::add);
            }
        });
        return count.map(c -> new EntitySpec(name, c, attributes, collections));
    }

    private Optional<CollectionSpec> collection(String name, JsonNode node, String path) {
        Optional<ObjectFields> found = ObjectFields.of(
                node, path, problems, COLLECTION_FIELDS, "{perParent: {generator: intRange, min: 0, max: 20}}");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ObjectFields fields = found.get();
        Optional<GeneratorSpec> perParent = fields.required(
                        "perParent", "perParent: {generator: intRange, min: 0, max: 20}")
                .flatMap(value -> generators.read(value, fields.pathOf("perParent")));
        Map<String, GeneratorSpec> attributes = attributes(fields);
        return perParent.map(count -> new CollectionSpec(name, count, attributes));
    }

    private Map<String, GeneratorSpec> attributes(ObjectFields fields) {
        Map<String, GeneratorSpec> attributes = new LinkedHashMap<>();
        if (!fields.has("attributes")) {
            fields.missing("attributes", "attributes: {PK: 'USER#{user_id}', user_id: sequence}");
            return attributes;
        }
        JsonNode map = fields.node("attributes").orElseThrow();
        if (!map.isObject()) {
            fields.wrongType("attributes", map, "a map of attribute names to generators", "attributes: {id: uuid4}");
            return attributes;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> attribute = it.next();
            generators
                    .read(attribute.getValue(), SpecPaths.field(fields.pathOf("attributes"), attribute.getKey()))
                    .ifPresent(generator -> attributes.put(attribute.getKey(), generator));
        }
        return attributes;
    }

    /**
     * The seed block with {@code entities}: its count is their items' total. A block that also gives {@code count}
     * or {@code attributes} is a problem at {@code path}.
     */
    public Optional<SeedSpec> withEntities(SeedSpec seed, List<EntitySpec> entities, ObjectFields fields) {
        if (fields.has("count")) {
            fields.problem(
                    "count",
                    "is worked out from the entities' counts and collections; remove it (each entity has its own"
                            + " count)");
            return Optional.empty();
        }
        if (fields.has("attributes")) {
            fields.problem(
                    "attributes", "cannot stand beside entities; move them into the entities, e.g. " + ENTITY_EXAMPLE);
            return Optional.empty();
        }
        SeedSpec withEntities = new SeedSpec(
                0, seed.onExisting(), seed.randomSeed(), seed.baseTime(), Map.of(), seed.sources(), entities);
        try {
            long total = EntityLayout.of(withEntities).total();
            if (total > SpecLimits.MAX_SEED_COUNT) {
                fields.problem(
                        "entities",
                        "make " + SpecLimits.grouped(total) + " items with their collections; at most "
                                + SpecLimits.grouped(SpecLimits.MAX_SEED_COUNT) + " are allowed: lower the counts");
                return Optional.empty();
            }
            return Optional.of(withEntities.withCount(total));
        } catch (ArithmeticException e) {
            // More than a long counts: some perParent draws that many children.
            fields.problem(
                    "entities",
                    "make more items with their collections than can be counted; at most "
                            + SpecLimits.grouped(SpecLimits.MAX_SEED_COUNT)
                            + " are allowed: lower the counts, or the collections' perParent max");
            return Optional.empty();
        } catch (RuntimeException e) {
            // A perParent the validator refuses (e.g. not a whole number) cannot be counted: judged there.
            return Optional.of(withEntities);
        }
    }
}
