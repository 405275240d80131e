package dev.dynaseed.imports;

import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecValidator;
import dev.dynaseed.spec.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts imported tables next to a spec's own: one table name per run across all sources (a clash names both
 * origins), and every imported table validated as a spec table is, each problem placed at the table's origin
 * ({@code template.yaml:12:3}, with the resource in the path) instead of a {@code tables[i]} no file has.
 */
public final class ImportedTables {
    private static final Pattern TABLE_PATH = Pattern.compile("^tables\\[(\\d+)]\\.?");
    /** The spec validator's problem for a table name used twice, which the clash check here words for imports. */
    private static final Pattern SAME_NAME =
            Pattern.compile("^tables\\[\\d+]\\.name: .* is already used by tables\\[\\d+]; .*", Pattern.DOTALL);

    private ImportedTables() {}

    /**
     * {@code spec}'s tables (already valid, read from {@code specSource}) then the imported ones.
     *
     * @throws ImportException with every clash and every problem of an imported table
     */
    public static Spec merge(Spec spec, String specSource, List<ImportedTable> imported) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(specSource, "specSource");
        Objects.requireNonNull(imported, "imported");
        List<Problem> problems = new ArrayList<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (int i = 0; i < spec.tables().size(); i++) {
            origins.put(spec.tables().get(i).name(), specSource + " (tables[" + i + "])");
        }
        for (ImportedTable table : imported) {
            String name = table.table().name();
            String first = origins.putIfAbsent(name, table.describe());
            if (first != null) {
                problems.add(new Problem(
                                table.origin(),
                                "table '" + name + "' is defined twice: by " + first + " and by " + table.describe()
                                        + "; a run has one table per name: drop one source, or rename one table")
                        .at(table.location()));
            }
        }
        List<TableSpec> importedSpecs =
                imported.stream().map(ImportedTable::table).toList();
        for (Problem problem : SpecValidator.validate(new Spec(importedSpecs))) {
            if (SAME_NAME.matcher(problem.path() + ": " + problem.message()).matches()) {
                // A name used twice is reported above, with both origins; "tables[0]" is in no file the user gave.
                continue;
            }
            problems.add(placed(problem, imported));
        }
        if (!problems.isEmpty()) {
            String sources = imported.stream()
                    .map(table -> table.location().source())
                    .distinct()
                    .reduce((a, b) -> a + ", " + b)
                    .orElse(specSource);
            throw new ImportException(sources, problems);
        }
        List<TableSpec> all = new ArrayList<>(spec.tables());
        all.addAll(importedSpecs);
        return new Spec(all);
    }

    /** {@code tables[2].globalSecondaryIndexes[0].name} of the third import as {@code UsersTable.globalSecondaryIndexes[0].name}. */
    static Problem placed(Problem problem, List<ImportedTable> imported) {
        Matcher matcher = TABLE_PATH.matcher(problem.path());
        if (!matcher.find()) {
            return problem;
        }
        ImportedTable table = imported.get(Integer.parseInt(matcher.group(1)));
        String rest = problem.path().substring(matcher.end());
        String path = rest.isEmpty() ? table.origin() : table.origin() + "." + rest;
        return new Problem(path, problem.message()).at(table.location());
    }
}
