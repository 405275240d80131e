package dev.dynaseed.cli;

import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.imports.ImportedTables;
import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The spec a command works on: the file given with {@code -f}, else {@code ./dynaseed.yaml} when it exists (what
 * {@code init} writes), else the built-in seed scenario; {@code --builtin} picks the scenario in any case. With
 * {@code --from} (the command's {@link ImportOptionsMixin}) the imported tables come next to {@code -f}'s or the
 * scenario's, or alone.
 */
public final class SpecOptions {
    /** The file {@code dynaseed init} writes and commands use when no spec is named. */
    static final String DEFAULT_FILE = "dynaseed.yaml";

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            description = "Spec file (YAML, or JSON when it ends in .json). Default: ./" + DEFAULT_FILE + " when it"
                    + " exists, else the built-in seed scenario (3 tables, 3 rows each; see 'dynaseed init').")
    Path file;

    @Option(
            names = "--builtin",
            description = "Use the built-in seed scenario even when ./" + DEFAULT_FILE + " exists.")
    boolean builtin;

    /**
     * Reads and validates the spec; throws with every problem before anything is sent. Says on stderr when it
     * picked {@code ./dynaseed.yaml} by itself.
     */
    public Spec load() {
        Optional<ImportOptionsMixin> imports = imports();
        if (imports.isPresent()) {
            List<ImportedTable> imported = imports.get().read(region());
            if (imports.get().any()) {
                Spec own = file != null
                        ? SpecReader.read(file)
                        : builtin ? DefaultSpec.seedScenario() : new Spec(List.of());
                return ImportedTables.merge(own, ownDescription(), imported);
            }
        }
        Optional<Path> chosen = chosenFile();
        if (file == null && chosen.isPresent()) {
            var err = mixee.commandLine().getErr();
            err.println("Using spec " + chosen.get() + " (pass -f to choose another, or --builtin for the seed"
                    + " scenario)");
            err.flush();
        }
        return chosen.map(SpecReader::read).orElseGet(DefaultSpec::seedScenario);
    }

    /** Names the spec in messages: the file, the built-in scenario, the --from files, or both. */
    public String describe() {
        Optional<ImportOptionsMixin> imports = imports().filter(ImportOptionsMixin::any);
        if (imports.isEmpty()) {
            return chosenFile().map(Path::toString).orElse("built-in seed scenario");
        }
        String from = imports.get().describe();
        return file != null || builtin ? ownDescription() + " + " + from : from;
    }

    private String ownDescription() {
        return file != null ? file.toString() : "built-in seed scenario";
    }

    /** The command's --from options, when it has them. */
    private Optional<ImportOptionsMixin> imports() {
        return mixee.mixins().values().stream()
                .map(mixin -> mixin.userObject())
                .filter(ImportOptionsMixin.class::isInstance)
                .map(ImportOptionsMixin.class::cast)
                .findFirst();
    }

    /** The command's --region (the AWS region imports resolve AWS::Region with), when given. */
    private Optional<String> region() {
        return mixee.mixins().values().stream()
                .map(mixin -> mixin.userObject())
                .filter(TargetOptions.class::isInstance)
                .map(TargetOptions.class::cast)
                .findFirst()
                .flatMap(target -> Optional.ofNullable(target.region));
    }

    Optional<Path> chosenFile() {
        if (file != null && builtin) {
            throw InputException.ofOption("-f and --builtin both choose the spec; pass one of them");
        }
        if (file != null) {
            return Optional.of(file);
        }
        if (builtin) {
            return Optional.empty();
        }
        Object root = mixee.root().userObject();
        Path directory = root instanceof Dynaseed dynaseed ? dynaseed.directory() : Path.of("");
        Path implicit = directory.resolve(DEFAULT_FILE);
        return Files.isRegularFile(implicit) ? Optional.of(implicit) : Optional.empty();
    }
}
