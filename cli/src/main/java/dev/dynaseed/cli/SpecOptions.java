package dev.dynaseed.cli;

import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The spec a command works on: a file, or the built-in seed scenario. */
public final class SpecOptions {
    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            description = "Spec file (YAML, or JSON when it ends in .json). Default: the built-in seed scenario"
                    + " (3 tables, 3 rows each; see 'dynaseed init').")
    Path file;

    /** Reads and validates the spec; throws with every problem before anything is sent. */
    public Spec load() {
        return file == null ? DefaultSpec.seedScenario() : SpecReader.read(file);
    }

    /** Names the spec in messages. */
    public String describe() {
        return file == null ? "built-in seed scenario" : file.toString();
    }
}
