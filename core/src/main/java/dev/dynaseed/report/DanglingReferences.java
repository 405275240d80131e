package dev.dynaseed.report;

import dev.dynaseed.spec.CollectionSpec;
import dev.dynaseed.spec.EntitySpec;
import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.SeedSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * References a run wrote that may name items their table does not have: a reference recomputes the picked item of
 * the other table from that table's seed, which only names a written item when this run wrote it (or, with a
 * {@code randomSeed}, an earlier run did). Said as warnings after the run, since it depends on what was written.
 */
public final class DanglingReferences {
    private DanglingReferences() {}

    /** One warning per table and referenced table whose references may name missing items, in report order. */
    public static List<String> of(Report report) {
        Objects.requireNonNull(report, "report");
        Map<String, TableReport> byName = report.tables().stream()
                .collect(Collectors.toMap(t -> t.table().name(), Function.identity(), (a, b) -> a));
        List<String> warnings = new ArrayList<>();
        for (TableReport table : report.tables()) {
            if (table.seed().written() == 0) {
                continue;
            }
            for (String referenced : referencedTables(table.table().seed())) {
                TableReport target = byName.get(referenced);
                if (target == null) {
                    continue;
                }
                SeedSpec seed = target.table().seed();
                long count = seed.totalItems();
                String from = table.table().name() + ": its references to " + referenced;
                if (target.seed().skippedByPolicy() && seed.randomSeed().isEmpty()) {
                    warnings.add(from + " name the items this run made for " + referenced + ", but onExisting: skip"
                            + " wrote none of them (the table already held items), and without a randomSeed its keys"
                            + " differ from run to run: they point at items " + referenced + " does not have; give "
                            + referenced + " a randomSeed so that its keys are the same in every run");
                } else if (!target.seed().skippedByPolicy() && target.seed().written() < count) {
                    warnings.add(from + " pick from all " + count + " of its items, but this run wrote "
                            + target.seed().written() + " of them (see its report line): references to the others"
                            + " point at items " + referenced + " may not have");
                }
            }
        }
        return List.copyOf(warnings);
    }

    /** The tables {@code seed}'s generators reference, in the order met. */
    private static Set<String> referencedTables(SeedSpec seed) {
        Set<String> tables = new LinkedHashSet<>();
        seed.attributes().values().forEach(generator -> collect(generator, tables));
        for (EntitySpec entity : seed.entities()) {
            entity.attributes().values().forEach(generator -> collect(generator, tables));
            for (CollectionSpec collection : entity.collections()) {
                collection.attributes().values().forEach(generator -> collect(generator, tables));
            }
        }
        return tables;
    }

    private static void collect(GeneratorSpec generator, Set<String> tables) {
        if (generator instanceof GeneratorSpec.Ref ref) {
            ref.target().ifPresent(target -> tables.add(target.table()));
        } else if (generator instanceof GeneratorSpec.SetOf set) {
            collect(set.of(), tables);
        } else if (generator instanceof GeneratorSpec.ListOf list) {
            collect(list.of(), tables);
        } else if (generator instanceof GeneratorSpec.Maybe maybe) {
            collect(maybe.of(), tables);
        } else if (generator instanceof GeneratorSpec.MapOf map) {
            map.fields().values().forEach(field -> collect(field, tables));
        }
    }
}
