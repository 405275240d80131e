package dev.dynaseed.cli;

import dev.dynaseed.DynaseedException;
import dev.dynaseed.generate.GeneratorDocs;
import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.spec.SpecSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec.Target;

@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Write the built-in seed scenario as a commented spec file to start from, with a"
                    + " yaml-language-server line that points editors at dynaseed's JSON Schema.",
            "With --from, write the tables of CloudFormation/SAM, serverless.yml, Terraform, NoSQL Workbench or"
                    + " CreateTable JSON files instead; with --from-table or --all, the tables of a target (each"
                    + " table commented with where it came from).",
            "[API with --from-table/--all: ListTables, DescribeTable, DescribeTimeToLive, DescribeContinuousBackups,"
                    + " ListTagsOfResource, DescribeContributorInsights, GetResourcePolicy, Scan]"
        })
final class InitCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec(Target.SELF)
    CommandSpec command;

    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            defaultValue = SpecOptions.DEFAULT_FILE,
            description = "Where to write it (default: ${DEFAULT-VALUE}).")
    Path file;

    @Option(names = "--force", description = "Overwrite the file if it exists.")
    boolean force;

    @Option(
            names = "--parents",
            description = "Create the file's folder (and its parents) when it does not exist, as mkdir -p does;"
                    + " without it a missing folder is refused.")
    boolean parents;

    @Mixin
    ImportOptionsMixin imports;

    @Option(
            names = "--from-table",
            paramLabel = "NAME",
            arity = "1..*",
            description = "Write the spec of these existing tables on the target (the local engine, --endpoint-url or"
                    + " AWS): everything plan reads about them, and generators picked from a sample of up to "
                    + InitFromSources.SAMPLE_ITEMS + " items each.")
    List<String> fromTables = new ArrayList<>();

    @Option(names = "--all", description = "Like --from-table with every table the target lists.")
    boolean all;

    @Option(
            names = "--count",
            paramLabel = "N",
            description = "Seed N generated items per imported table that has no data of its own (generators picked"
                    + " from key names and types), 0 to 100000000. Default: no seed block for --from tables, "
                    + InitFromSources.DEFAULT_LIVE_COUNT + " items for --from-table tables.")
    Long count;

    @Mixin
    TargetOptions target;

    @Override
    public Integer call() {
        boolean importing = imports.any() || !fromTables.isEmpty() || all;
        if (!importing) {
            imports.read(Optional.empty());
            if (count != null) {
                throw InputException.ofOption("--count only applies to tables from --from or --from-table; add one,"
                        + " e.g. --from template.yaml --count 10");
            }
        }
        if (count != null) {
            InputException.requireInRange("--count", count, 0, 100_000_000);
        }
        if (all && !fromTables.isEmpty()) {
            throw InputException.ofOption("--all and --from-table both choose the tables; pass one of them");
        }
        checkFile();
        String written;
        String what;
        if (importing) {
            InitFromSources sources = new InitFromSources(this);
            written = sources.text(file);
            what = sources.summary();
        } else {
            written = text(file);
            what = "the seed scenario: 3 tables, 3 rows each";
        }
        write(written);
        PrintWriter out = command.commandLine().getOut();
        out.println("Wrote " + file + " (" + what + ").");
        out.println(
                file.equals(Path.of(SpecOptions.DEFAULT_FILE))
                        ? "Edit it, then run: dynaseed plan && dynaseed apply (both read ./" + SpecOptions.DEFAULT_FILE
                                + " when no -f is given)"
                        : "Edit it, then run: dynaseed plan -f " + file + " && dynaseed apply -f " + file);
        return ExitCode.OK;
    }

    /** Refuses a file init cannot or must not write, before anything is read or sent. */
    private void checkFile() {
        if (Files.isDirectory(file)) {
            throw new InputException(
                    file + " is a folder; pass -f with a file path, e.g. -f " + file.resolve(SpecOptions.DEFAULT_FILE));
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new InputException(
                    file + " is not a regular file; pass -f with a file path, e.g. -f " + SpecOptions.DEFAULT_FILE);
        }
        if (Files.exists(file) && !force) {
            throw new InputException(
                    file + " already exists; pass --force to overwrite it, or -f to write another" + " file");
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (!parents && folder != null && Files.notExists(folder)) {
            Path missing = folder;
            while (missing.getParent() != null && Files.notExists(missing.getParent())) {
                missing = missing.getParent();
            }
            throw new InputException("-f " + file + ": the folder " + missing + " does not exist; create it first"
                    + " (mkdir -p " + folder + "), or add --parents to have init create it");
        }
    }

    private void write(String written) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parents && parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, written);
        } catch (IOException e) {
            throw new DynaseedException(
                    "cannot write " + file + " (" + e.getMessage()
                            + "); check that its folder is writable, or pass -f with another path",
                    e);
        }
    }

    /** The spec file: the schema line editors read, the default spec, then the generator reference. */
    static String text(Path file) {
        return "# yaml-language-server: $schema=" + schemaReference(file) + "\n" + DefaultSpec.yaml() + "\n"
                + GeneratorDocs.yamlComments();
    }

    /**
     * The schema of the dynaseed checkout this CLI was built in, relative to the spec's folder, so that editors find
     * it offline and it matches this build; the published URL when the CLI does not run from a checkout.
     */
    static String schemaReference(Path file) {
        Optional<Path> schema = checkoutSchema();
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (schema.isEmpty() || folder == null) {
            return SpecSchema.URL;
        }
        try {
            return folder.relativize(schema.get()).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            // Another drive or root (Windows): no relative path leads there.
            return SpecSchema.URL;
        }
    }

    private static Optional<Path> checkoutSchema() {
        CodeSource source = InitCommand.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        Path location;
        try {
            location = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            // Not loaded from a file (e.g. from a nested jar): there is no checkout to look in.
            return Optional.empty();
        }
        for (Path folder = location; folder != null; folder = folder.getParent()) {
            Path schema = folder.resolve(SpecSchema.CHECKOUT_PATH);
            if (Files.isRegularFile(schema)) {
                return Optional.of(schema);
            }
        }
        return Optional.empty();
    }
}
