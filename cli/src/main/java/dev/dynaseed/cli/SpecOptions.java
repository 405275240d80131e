package dev.dynaseed.cli;

import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The spec a command works on: the file given with {@code -f}, else {@code ./dynaseed.yaml} when it exists (what
 * {@code init} writes), else the built-in seed scenario; {@code --builtin} picks the scenario in any case.
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
        Optional<Path> chosen = chosenFile();
        if (file == null && chosen.isPresent()) {
            var err = mixee.commandLine().getErr();
            err.println("Using spec " + chosen.get() + " (pass -f to choose another, or --builtin for the seed"
                    + " scenario)");
            err.flush();
        }
        return chosen.map(SpecReader::read).orElseGet(DefaultSpec::seedScenario);
    }

    /** Names the spec in messages. */
    public String describe() {
        return chosenFile().map(Path::toString).orElse("built-in seed scenario");
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
