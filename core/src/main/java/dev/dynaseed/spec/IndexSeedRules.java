package dev.dynaseed.spec;

import dev.dynaseed.generate.ItemChecks;
import dev.dynaseed.spec.internal.Quote;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What seeding a table with indexes needs: a generator of the right type for every index key attribute, unless the
 * index is sparse on purpose (items without the attribute are simply not in it).
 */
final class IndexSeedRules {
    private IndexSeedRules() {}

    /** Problems of a seeded table's generators for its index keys; {@code seedPath} names its seed block. */
    static void check(TableSpec table, String seedPath, List<Problem> problems) {
        SeedSpec seed = table.seed();
        Map<String, Use> uses = new LinkedHashMap<>();
        for (IndexSpec index : table.features().indexes()) {
            index.partitionKeys().forEach(key -> use(uses, key, index, "partition key"));
            index.sortKeys().forEach(key -> use(uses, key, index, "sort key"));
        }
        uses.forEach((name, use) -> {
            boolean tableKey = name.equals(table.partitionKey().name())
                    || table.sortKey().map(KeySpec::name).filter(name::equals).isPresent();
            if (tableKey) {
                return; // the table's own key generators are checked with the table's keys
            }
            String attributePath = seedPath + ".attributes." + name;
            GeneratorSpec generator = seed.attributes().get(name);
            String role = Quote.of(name) + ", the " + use.role() + " of index "
                    + use.index().name();
            if (generator == null) {
                if (!use.index().sparse()) {
                    problems.add(new Problem(
                            attributePath,
                            "missing; " + role + ", needs a generator of type "
                                    + use.key().type() + ": add one under seed.attributes, e.g. " + name
                                    + ": " + SpecValidator.example(use.key().type()) + ", or mark index "
                                    + use.index().name() + " sparse: true if items may lack it"));
                }
                return;
            }
            Optional<String> empty = ItemChecks.emptyKeyValue(name, seed.attributes());
            if (empty.isPresent()) {
                problems.add(new Problem(attributePath, role + ", " + empty.get()));
                return;
            }
            if (generator instanceof GeneratorSpec.Maybe && !use.index().sparse()) {
                problems.add(new Problem(
                        attributePath,
                        "is optional, but " + role + ", is not sparse: the items without it would stay out of the"
                                + " index; remove the optional, or mark index "
                                + use.index().name()
                                + " sparse: true if items may lack it"));
                return;
            }
            if (generator.valueType() != use.key().type().valueType()) {
                problems.add(new Problem(
                        attributePath,
                        "generator '" + generator.kind() + "' yields " + generator.valueType() + " but " + role
                                + ", is " + use.key().type() + "; use a generator that yields "
                                + use.key().type()
                                + ", e.g. " + name + ": "
                                + SpecValidator.example(use.key().type())));
            }
        });
    }

    /** Records the first index using {@code key}, preferring one that is not sparse (it needs the generator). */
    private static void use(Map<String, Use> uses, KeySpec key, IndexSpec index, String role) {
        Use previous = uses.get(key.name());
        if (previous == null || (previous.index().sparse() && !index.sparse())) {
            uses.put(key.name(), new Use(key, index, role));
        }
    }

    private record Use(KeySpec key, IndexSpec index, String role) {}
}
