package dev.dynaseed.spec;

import dev.dynaseed.generate.ItemChecks;
import dev.dynaseed.spec.internal.SpecPaths;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Generated items that could only ever share one key: DynamoDB keeps one item per key, so all but one would be
 * overwritten while the report counted every one of them as written. Caught where it is certain: every key
 * attribute a constant (or a template over constants and the parent's attributes), or a child's key copied from its
 * parent's.
 */
final class SameKeyRules {
    private SameKeyRules() {}

    /** A plain seed block ({@code count} and {@code attributes}) of more than one item. */
    static void plain(TableSpec table, SeedSpec seed, String path, List<Problem> problems) {
        if (seed.count() > 1 && sameForEveryItem(table, seed.attributes())) {
            problems.add(new Problem(
                    path + ".attributes",
                    "every one of the " + seed.count() + " items gets the same key ("
                            + keyText(table, seed.attributes())
                            + "), and DynamoDB keeps one item per key, so " + (seed.count() - 1) + " would be"
                            + " overwritten; make a key attribute differ per item, e.g. " + example(table)));
        } else {
            fewerKeysThanItems(table, seed.attributes(), seed.count(), "", path + ".attributes", problems);
        }
    }

    /** Items of one scope whose key attributes can take fewer distinct keys, together, than there are items. */
    private static void fewerKeysThanItems(
            TableSpec table,
            Map<String, GeneratorSpec> attributes,
            long count,
            String what,
            String path,
            List<Problem> problems) {
        Optional<Long> space = keySpace(table, name -> ItemChecks.valuesAcrossItems(name, attributes));
        if (space.isEmpty()) {
            return;
        }
        long keys = space.get();
        if (keys < count) {
            problems.add(new Problem(
                    path,
                    "the " + count + " " + what + "items can get at most " + keys + " distinct key"
                            + (keys == 1 ? "" : "s") + " (" + keyText(table, attributes)
                            + "), and DynamoDB keeps one item per key, so at least " + (count - keys) + " would be"
                            + " overwritten; make a key attribute differ per item, e.g. " + example(table)));
        }
    }

    /** How many distinct keys the table's key attributes can make together, when each one's count is known. */
    private static Optional<Long> keySpace(
            TableSpec table, java.util.function.Function<String, Optional<Long>> valuesOf) {
        long keys = 1;
        for (String name : table.keyNames()) {
            Optional<Long> values = valuesOf.apply(name);
            if (values.isEmpty()) {
                return Optional.empty();
            }
            try {
                keys = Math.multiplyExact(keys, values.get());
            } catch (ArithmeticException e) {
                // Beyond a long: as good as unbounded.
                return Optional.empty();
            }
        }
        return Optional.of(keys);
    }

    /** Children of one parent whose keys can take fewer distinct values than a parent may have children. */
    private static void fewerKeysThanSiblings(
            TableSpec table, EntitySpec entity, CollectionSpec collection, String path, List<Problem> problems) {
        Optional<BigDecimal> most = mostPerParent(collection.perParent());
        if (most.isEmpty()) {
            return;
        }
        Optional<Long> space = keySpace(table, name -> ItemChecks.valuesAcrossSiblings(name, collection.attributes()));
        if (space.isEmpty()) {
            return;
        }
        long keys = space.get();
        if (most.get().compareTo(BigDecimal.valueOf(keys)) > 0) {
            problems.add(new Problem(
                    path,
                    "one " + entity.name() + " may get up to "
                            + most.get().stripTrailingZeros().toPlainString()
                            + " " + collection.name() + " items, but they can get at most " + keys + " distinct key"
                            + (keys == 1 ? "" : "s") + " (" + keyText(table, collection.attributes()) + "), and"
                            + " DynamoDB keeps one item per key, so the rest would be overwritten; make a key"
                            + " attribute differ per item, e.g. " + example(table)));
        }
    }

    /**
     * Two item types of one table whose keys are made the same way from the item's ordinal alone (constants,
     * sequences, templates over them): their first items get the same keys and overwrite each other.
     */
    static void entityTypes(TableSpec table, SeedSpec seed, String path, List<Problem> problems) {
        List<EntitySpec> entities = seed.entities();
        alike(table, entities.stream().map(EntitySpec::attributes).toList(), false, (a, b) -> {
            EntitySpec first = entities.get(a);
            EntitySpec second = entities.get(b);
            long overlap = Math.min(first.count(), second.count());
            problems.add(new Problem(
                    SpecPaths.field(path + ".entities", second.name()) + ".attributes",
                    "makes its keys as entity " + first.name() + " does (" + keyText(table, second.attributes())
                            + "), so its first " + overlap + " item" + (overlap == 1 ? "" : "s") + " get the"
                            + " keys of " + first.name() + "'s and would overwrite them (DynamoDB keeps one"
                            + " item per key); give each entity type a key of its own, e.g. a prefix such as"
                            + " '" + second.name().toUpperCase(java.util.Locale.ROOT) + "#{...}'"));
        });
    }

    /**
     * Calls {@code pair} with the indexes (earlier, later) of every two item types of {@code types} (their attribute
     * maps) whose keys are made alike from the item's ordinal alone (see {@link ItemChecks#ordinalOnly}).
     */
    private static void alike(
            TableSpec table,
            List<Map<String, GeneratorSpec>> types,
            boolean oneParent,
            java.util.function.BiConsumer<Integer, Integer> pair) {
        List<Optional<Map<String, GeneratorSpec>>> made = types.stream()
                .map(attributes -> ItemChecks.ordinalOnly(table.keyNames(), attributes, oneParent))
                .toList();
        for (int a = 0; a < made.size(); a++) {
            for (int b = a + 1; b < made.size() && made.get(a).isPresent(); b++) {
                if (made.get(a).equals(made.get(b))) {
                    pair.accept(a, b);
                }
            }
        }
    }

    /** An entity's own items, and each of its collections' children. */
    static void entity(TableSpec table, EntitySpec entity, String entityPath, List<Problem> problems) {
        if (entity.count() > 1 && sameForEveryItem(table, entity.attributes())) {
            problems.add(new Problem(
                    entityPath + ".attributes",
                    "every one of the " + entity.count() + " " + entity.name() + " items gets the same key ("
                            + keyText(table, entity.attributes()) + "), and DynamoDB keeps one item per key, so "
                            + (entity.count() - 1) + " would be overwritten; make a key attribute differ per item,"
                            + " e.g. " + example(table)));
        } else {
            fewerKeysThanItems(
                    table,
                    entity.attributes(),
                    entity.count(),
                    entity.name() + " ",
                    entityPath + ".attributes",
                    problems);
        }
        for (CollectionSpec collection : entity.collections()) {
            String path = SpecPaths.field(entityPath + ".collections", collection.name()) + ".attributes";
            if (copiesParentKey(table, collection.attributes(), entity.attributes())) {
                problems.add(new Problem(
                        path,
                        "each " + collection.name() + " item gets its parent " + entity.name() + "'s key ("
                                + keyText(table, collection.attributes()) + ") and would overwrite it; give the"
                                + " child a key of its own, e.g. " + example(table)));
            } else if (mostPerParent(collection.perParent())
                            .map(most -> most.compareTo(BigDecimal.ONE) > 0)
                            .orElse(true)
                    && sameForEveryItem(table, collection.attributes())) {
                problems.add(new Problem(
                        path,
                        "all " + collection.name() + " items of one " + entity.name() + " get the same key ("
                                + keyText(table, collection.attributes()) + "), and DynamoDB keeps one item per key,"
                                + " so all but one per " + entity.name() + " would be overwritten; make a key"
                                + " attribute differ per item, e.g. " + example(table)));
            } else {
                fewerKeysThanSiblings(table, entity, collection, path, problems);
            }
        }
        List<CollectionSpec> collections = entity.collections();
        alike(table, collections.stream().map(CollectionSpec::attributes).toList(), true, (a, b) -> {
            CollectionSpec second = collections.get(b);
            problems.add(new Problem(
                    SpecPaths.field(entityPath + ".collections", second.name()) + ".attributes",
                    "makes its keys as collection " + collections.get(a).name() + " does ("
                            + keyText(table, second.attributes()) + "), so the children of one "
                            + entity.name() + " get the same keys in both and overwrite each other (DynamoDB"
                            + " keeps one item per key); give each collection a key of its own, e.g. a"
                            + " prefix such as '" + second.name().toUpperCase(java.util.Locale.ROOT)
                            + "#{...}'"));
        });
    }

    private static boolean sameForEveryItem(TableSpec table, Map<String, GeneratorSpec> attributes) {
        return table.keyNames().stream()
                .allMatch(name -> attributes.containsKey(name) && ItemChecks.sameForEveryItem(name, attributes));
    }

    /** Every key attribute of the child is {@code '{parent.NAME}'} of the same name, or the parent's constant. */
    private static boolean copiesParentKey(
            TableSpec table, Map<String, GeneratorSpec> child, Map<String, GeneratorSpec> parent) {
        return table.keyNames().stream().allMatch(name -> {
            GeneratorSpec own = child.get(name);
            GeneratorSpec theirs = parent.get(name);
            if (own == null || theirs == null) {
                return false;
            }
            if (own instanceof GeneratorSpec.Template template) {
                return template.template().equals("{parent." + name + "}");
            }
            return own instanceof GeneratorSpec.Constant && own.equals(theirs);
        });
    }

    /** The most children {@code perParent} can draw, where it is known. */
    private static Optional<BigDecimal> mostPerParent(GeneratorSpec perParent) {
        if (perParent instanceof GeneratorSpec.IntRange range) {
            return Optional.of(BigDecimal.valueOf(range.max()));
        }
        if (perParent instanceof GeneratorSpec.RandomNumber number) {
            return Optional.of(number.max());
        }
        if (perParent instanceof GeneratorSpec.Constant constant
                && constant.value() instanceof SpecValue.Number number) {
            return Optional.of(number.value());
        }
        return Optional.empty();
    }

    private static String keyText(TableSpec table, Map<String, GeneratorSpec> attributes) {
        List<String> parts = new ArrayList<>();
        for (String name : table.keyNames()) {
            GeneratorSpec generator = attributes.get(name);
            String text;
            if (generator instanceof GeneratorSpec.Template template) {
                text = "'" + template.template() + "'";
            } else if (generator instanceof GeneratorSpec.Constant constant) {
                text = "constant " + constantText(constant.value());
            } else {
                text = generator.kind().toString();
            }
            parts.add(name + " " + text);
        }
        return String.join(", ", parts);
    }

    private static String constantText(SpecValue value) {
        if (value instanceof SpecValue.Text text) {
            return "'" + text.value() + "'";
        }
        if (value instanceof SpecValue.Number number) {
            return number.value().toPlainString();
        }
        if (value instanceof SpecValue.Bool bool) {
            return Boolean.toString(bool.value());
        }
        return value.toString();
    }

    private static String example(TableSpec table) {
        String name = table.sortKey().orElse(table.partitionKey()).name();
        return table.sortKey().orElse(table.partitionKey()).type() == KeyType.S
                ? name + ": 'ITEM#{item_id}' with item_id: {generator: sequence}"
                : name + ": {generator: sequence}";
    }
}
