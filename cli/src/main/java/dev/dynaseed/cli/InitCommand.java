package dev.dynaseed.cli;

import dev.dynaseed.spec.DefaultSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec.Target;

@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = "Write the built-in seed scenario as a commented spec file to start from.")
final class InitCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec(Target.SELF)
    CommandSpec command;

    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            defaultValue = "dynaseed.yaml",
            description = "Where to write it (default: ${DEFAULT-VALUE}).")
    Path file;

    @Option(names = "--force", description = "Overwrite the file if it exists.")
    boolean force;

    @Override
    public Integer call() {
        if (Files.exists(file) && !force) {
            throw new InputException(
                    file + " already exists; pass --force to overwrite it, or -f to write another" + " file");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, DefaultSpec.yaml());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        PrintWriter out = command.commandLine().getOut();
        out.println("Wrote " + file + " (the seed scenario: 3 tables, 3 rows each).");
        out.println("Edit it, then run: dynaseed plan -f " + file + " && dynaseed apply -f " + file);
        return ExitCode.OK;
    }
}
