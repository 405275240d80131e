package dev.dynaseed.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the CLI in-process and captures what a user would see. */
final class Cli {
    private Cli() {}

    record Result(int exitCode, String out, String err) {}

    static Result run(String... args) {
        return runIn(Path.of(""), args);
    }

    /** Runs in {@code directory} as the current folder (where {@code dynaseed.yaml} is looked for). */
    static Result runIn(Path directory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Dynaseed.commandLine(directory);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return new Result(code, out.toString(), err.toString());
    }
}
