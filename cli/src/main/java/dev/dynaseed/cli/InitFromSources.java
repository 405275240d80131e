package dev.dynaseed.cli;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.generate.GeneratorDocs;
import dev.dynaseed.imports.GeneratorInference;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.imports.ImportedTables;
import dev.dynaseed.imports.LiveTableImport;
import dev.dynaseed.plan.EngineCapabilities;
import dev.dynaseed.spec.ExistingDataPolicy;
import dev.dynaseed.spec.InvalidSpecException;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SeedSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecValidator;
import dev.dynaseed.spec.SpecWriter;
import dev.dynaseed.spec.TableSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code init --from FILE} and {@code init --from-table NAME}: the spec of imported and live tables, each commented
 * with where it came from and how its generators were picked.
 */
final class InitFromSources {
    /** The most items sampled per live table. */
    static final int SAMPLE_ITEMS = 50;
    /** Items seeded per live table when --count is not given. */
    static final long DEFAULT_LIVE_COUNT = 10;
    /** How long reading the live tables (their describe calls and samples) may take in all. */
    private static final Duration LIVE_BOUND = Duration.ofSeconds(120);

    private final InitCommand init;
    private final List<TableSpec> tables = new ArrayList<>();
    private final Map<String, List<String>> comments = new LinkedHashMap<>();
    private final List<String> origins = new ArrayList<>();

    InitFromSources(InitCommand init) {
        this.init = init;
    }

    /** The spec file's text: the schema line, a header, the tables, the generator reference. */
    String text(Path file) {
        if (init.imports.any()) {
            imported();
        }
        if (init.all || !init.fromTables.isEmpty()) {
            live();
        }
        Spec spec = new Spec(tables);
        List<Problem> problems = SpecValidator.validate(spec);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException("init would write", problems);
        }
        String header = "# Written by dynaseed init from " + String.join(", ", origins) + ".\n"
                + "# Each table says where it came from; edit the tables and generators, then run dynaseed plan.\n";
        return "# yaml-language-server: $schema=" + InitCommand.schemaReference(file) + "\n" + header
                + SpecWriter.write(spec, comments) + "\n" + GeneratorDocs.yamlComments();
    }

    /** What was written, for the closing line. */
    String summary() {
        return tables.size() + (tables.size() == 1 ? " table" : " tables") + " from " + String.join(", ", origins);
    }

    private void imported() {
        List<ImportedTable> imported = init.imports.read(Optional.ofNullable(init.target.region));
        ImportedTables.merge(new Spec(List.of()), "", imported);
        for (ImportedTable table : imported) {
            List<String> lines = new ArrayList<>();
            lines.add("from " + table.location().source() + ":"
                    + table.location().line() + " (" + table.kind().description() + ", " + table.origin() + ")");
            TableSpec spec = table.table();
            boolean noData = spec.seed().sources().isEmpty() && spec.seed().count() == 0;
            if (noData && init.count != null && init.count > 0) {
                spec = spec.toBuilder()
                        .seed(new SeedSpec(
                                init.count,
                                ExistingDataPolicy.APPEND,
                                Optional.empty(),
                                Optional.empty(),
                                GeneratorInference.fromKeys(spec)))
                        .build();
                lines.add("seed: " + init.count + " generated items; generators picked from the key names and types"
                        + " (README: Generators for imported tables)");
            }
            add(spec, lines);
        }
        init.imports.from.stream().map(Path::toString).forEach(origins::add);
    }

    private void live() {
        try (Session session = Session.open(init.target)) {
            String where = session.target().describe();
            LiveTableImport reader = new LiveTableImport(session.client(), EngineCapabilities.of(session.target()));
            RunDeadline deadline = RunDeadline.in(LIVE_BOUND, LIVE_BOUND);
            List<String> names = init.all ? reader.tableNames(deadline) : init.fromTables;
            if (names.isEmpty()) {
                throw new InputException("--all: " + where + " has no tables; create some, or use --from FILE");
            }
            long count = init.count == null ? DEFAULT_LIVE_COUNT : init.count;
            for (String name : names) {
                LiveTableImport.LiveImport found = reader.read(name, count, SAMPLE_ITEMS, deadline)
                        .orElseThrow(() -> new InputException("--from-table: " + where + " has no table '" + name
                                + "'; check the name (dynaseed tables" + OptionEcho.specAndTarget(init.command)
                                + " lists them), or use --all"));
                List<String> lines = new ArrayList<>();
                lines.add("from table " + name + " on " + where + " (" + found.sampled() + " items sampled)");
                lines.add("seed: " + count + " generated items; generators picked from the sample and the key names"
                        + " (README: Generators for imported tables)");
                if (!found.skipped().isEmpty()) {
                    lines.add("not generated (no generator makes these types): "
                            + found.skipped().entrySet().stream()
                                    .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                                    .collect(Collectors.joining(", ")));
                }
                add(found.table(), lines);
            }
            origins.add((init.all ? "every table" : "tables " + String.join(", ", names)) + " on " + where);
        }
    }

    private void add(TableSpec table, List<String> lines) {
        if (comments.containsKey(table.name())) {
            throw new InputException("table '" + table.name() + "' comes from two sources ("
                    + comments.get(table.name()).get(0) + ", and " + lines.get(0)
                    + "); a spec has one table per name: drop one source");
        }
        tables.add(table);
        comments.put(table.name(), lines);
    }
}
