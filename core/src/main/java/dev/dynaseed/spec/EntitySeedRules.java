package dev.dynaseed.spec;

import dev.dynaseed.generate.EntityLayout;
import dev.dynaseed.generate.GeneratorChecks;
import dev.dynaseed.generate.GeneratorKinds;
import dev.dynaseed.generate.ItemChecks;
import dev.dynaseed.spec.internal.SpecPaths;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a seed block with entities (a single-table design) needs: each item type has every table key attribute with
 * its declared type, index keys have their index's type wherever an item type has them (an item type without them is
 * simply not in that index), collections draw whole numbers of children, and templates read what exists.
 */
final class EntitySeedRules {
    private EntitySeedRules() {}

    static void check(TableSpec table, String path, Optional<Instant> fixedBaseTime, List<Problem> problems) {
        SeedSpec seed = table.seed();
        int before = problems.size();
        if (!seed.attributes().isEmpty()) {
            problems.add(new Problem(
                    path + ".attributes", "cannot stand beside entities; move the attributes into the entities"));
        }
        List<KeyUse> indexKeys = new ArrayList<>();
        for (IndexSpec index : table.features().indexes()) {
            index.partitionKeys().forEach(key -> indexKeys.add(new KeyUse(key, index)));
            index.sortKeys().forEach(key -> indexKeys.add(new KeyUse(key, index)));
        }
        List<String> haveIndexKey = new ArrayList<>();
        for (EntitySpec entity : seed.entities()) {
            String entityPath = SpecPaths.field(path + ".entities", entity.name());
            itemType(
                    table,
                    entity.attributes(),
                    Optional.empty(),
                    entityPath,
                    seed,
                    fixedBaseTime,
                    indexKeys,
                    haveIndexKey,
                    problems);
            for (CollectionSpec collection : entity.collections()) {
                String collectionPath = SpecPaths.field(entityPath + ".collections", collection.name());
                perParent(collection.perParent(), collectionPath + ".perParent", seed, fixedBaseTime, problems);
                itemType(
                        table,
                        collection.attributes(),
                        Optional.of(entity.attributes()),
                        collectionPath,
                        seed,
                        fixedBaseTime,
                        indexKeys,
                        haveIndexKey,
                        problems);
            }
        }
        for (KeyUse use : indexKeys) {
            if (!haveIndexKey.contains(use.key().name()) && !use.index().sparse()) {
                problems.add(new Problem(
                        path + ".entities",
                        "no entity generates '" + use.key().name() + "', a key of index "
                                + use.index().name()
                                + ", so the index stays empty; add it to the entities that belong in the index, e.g. "
                                + use.key().name() + ": "
                                + SpecValidator.example(use.key().type())));
            }
        }
        if (problems.size() == before) {
            for (EntitySpec entity : seed.entities()) {
                SameKeyRules.entity(table, entity, SpecPaths.field(path + ".entities", entity.name()), problems);
            }
            SameKeyRules.entityTypes(table, seed, path, problems);
        }
        if (problems.size() == before) {
            long total = EntityLayout.of(seed).total();
            if (seed.count() != total) {
                problems.add(new Problem(
                        path + ".count",
                        seed.count() + " differs from the entities' " + total + " items; build the seed block with"
                                + " a count of " + total));
            }
        }
    }

    private static void itemType(
            TableSpec table,
            Map<String, GeneratorSpec> attributes,
            Optional<Map<String, GeneratorSpec>> parent,
            String path,
            SeedSpec seed,
            Optional<Instant> fixedBaseTime,
            List<KeyUse> indexKeys,
            List<String> haveIndexKey,
            List<Problem> problems) {
        String attributesPath = path + ".attributes";
        attributes.forEach((name, generator) -> GeneratorKinds.validate(
                generator,
                new GeneratorChecks(SpecPaths.field(attributesPath, name), seed.count(), fixedBaseTime, problems)));
        ItemChecks.templates(attributes, parent, attributesPath, problems);
        ItemChecks.sameStreams(attributes, attributesPath, problems);
        key(table.partitionKey(), "partition key", attributes, attributesPath, problems);
        table.sortKey().ifPresent(key -> key(key, "sort key", attributes, attributesPath, problems));
        for (KeyUse use : indexKeys) {
            GeneratorSpec generator = attributes.get(use.key().name());
            if (generator == null) {
                continue;
            }
            haveIndexKey.add(use.key().name());
            if (generator.valueType() != use.key().type().valueType()) {
                problems.add(new Problem(
                        SpecPaths.field(attributesPath, use.key().name()),
                        "generator '" + generator.kind() + "' yields " + generator.valueType() + " but '"
                                + use.key().name() + "', a key of index "
                                + use.index().name() + ", is "
                                + use.key().type() + "; use a generator that yields "
                                + use.key().type()));
            }
        }
    }

    private static void key(
            KeySpec key, String role, Map<String, GeneratorSpec> attributes, String path, List<Problem> problems) {
        GeneratorSpec generator = attributes.get(key.name());
        String at = SpecPaths.field(path, key.name());
        if (generator == null) {
            problems.add(new Problem(
                    at,
                    "missing; every item type needs the " + role + " '" + key.name() + "' of type " + key.type()
                            + ", e.g. " + key.name() + ": "
                            + (key.type() == KeyType.S ? "'USER#{user_id}'" : SpecValidator.example(key.type()))));
            return;
        }
        if (generator instanceof GeneratorSpec.Maybe) {
            problems.add(new Problem(
                    at,
                    "is optional, but the " + role + " '" + key.name() + "' must be in every item;"
                            + " remove the optional"));
            return;
        }
        Optional<String> empty = ItemChecks.emptyKeyValue(key.name(), attributes);
        if (empty.isPresent()) {
            problems.add(new Problem(at, empty.get()));
            return;
        }
        if (generator.valueType() != key.type().valueType()) {
            problems.add(new Problem(
                    at,
                    "generator '" + generator.kind() + "' yields " + generator.valueType() + " but the " + role + " '"
                            + key.name() + "' is " + key.type() + "; use a generator that yields " + key.type()));
        }
    }

    private static void perParent(
            GeneratorSpec perParent,
            String path,
            SeedSpec seed,
            Optional<Instant> fixedBaseTime,
            List<Problem> problems) {
        String example = "perParent: {generator: intRange, min: 0, max: 20}";
        boolean whole = switch (perParent.kind()) {
            case INT_RANGE -> ((GeneratorSpec.IntRange) perParent).min() >= 0;
            case CONSTANT ->
                perParent.valueType() == ValueType.N
                        && wholeAtLeastZero(((SpecValue.Number) ((GeneratorSpec.Constant) perParent).value()).value());
            case NUMBER ->
                ((GeneratorSpec.RandomNumber) perParent).scale() == 0
                        && ((GeneratorSpec.RandomNumber) perParent).min().signum() >= 0;
            case UUID1,
                    UUID4,
                    EPOCH_SECONDS,
                    EPOCH_MILLIS,
                    ISO_TIMESTAMP,
                    SEQUENCE,
                    DECIMAL_RANGE,
                    ONE_OF,
                    BYTES,
                    FAKE,
                    BOOLEAN,
                    TIMESTAMP,
                    SET,
                    LIST,
                    MAP,
                    OPTIONAL,
                    TEMPLATE,
                    REF -> false;
        };
        if (!whole && perParent instanceof GeneratorSpec.IntRange range) {
            problems.add(new Problem(
                    path + ".min",
                    range.min() + " is below 0, and a parent cannot have fewer than 0 children; use min: 0, e.g. "
                            + example));
            return;
        }
        if (!whole) {
            problems.add(new Problem(
                    path,
                    "generator '" + perParent.kind() + "' does not draw whole numbers of at least 0 here; use"
                            + " intRange (min ≥ 0), number (scale 0, min ≥ 0) or a whole constant ≥ 0, e.g. "
                            + example));
            return;
        }
        GeneratorKinds.validate(perParent, new GeneratorChecks(path, seed.count(), fixedBaseTime, problems));
    }

    private static boolean wholeAtLeastZero(BigDecimal number) {
        return number.signum() >= 0 && number.stripTrailingZeros().scale() <= 0;
    }

    private record KeyUse(KeySpec key, IndexSpec index) {}
}
