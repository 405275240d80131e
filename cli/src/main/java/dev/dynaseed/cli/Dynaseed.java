package dev.dynaseed.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.DynaseedException;
import dev.dynaseed.cli.render.Json;
import dev.dynaseed.spec.InvalidSpecException;
import dev.dynaseed.spec.Problem;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code dynaseed} command: provisions DynamoDB tables from a spec and fills them with sample data. */
@Command(
        name = "dynaseed",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Provision DynamoDB tables from a declarative spec and fill them with realistic sample data.",
            "With no --endpoint-url, --region or --profile, commands use the local engine (dynalite on 127.0.0.1),"
                    + " started and stopped as needed."
        },
        subcommands = {
            ApplyCommand.class,
            PlanCommand.class,
            DestroyCommand.class,
            TablesCommand.class,
            ScanCommand.class,
            InitCommand.class,
            InvokeLocalCommand.class,
            LocalCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:everything asked was done",
            "1:failed (engine, target, or every table)",
            "2:invalid input: options or spec; nothing was sent",
            "3:partly failed: some tables or items failed, or a table drifted"
        })
public final class Dynaseed implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Log each phase and print stack traces of errors.")
    boolean verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line with dynaseed's exit codes and error printing. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Dynaseed());
        commandLine.setExecutionExceptionHandler(Dynaseed::handle);
        return commandLine;
    }

    public static void main(String[] args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        CommandLine commandLine = commandLine();
        int code = commandLine.execute(args);
        // picocli's writers flush on println only; System.exit would drop what print() left in the buffer.
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(code);
    }

    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = parseResult.hasMatchedOption("--verbose")
                || parseResult.subcommands().stream().anyMatch(sub -> sub.hasMatchedOption("--verbose"));
        int code;
        if (e instanceof InvalidSpecException) {
            code = ExitCode.INVALID_INPUT;
            err.println("error: " + e.getMessage());
        } else if (e instanceof DynaseedException) {
            code = e instanceof InputException ? ExitCode.INVALID_INPUT : ExitCode.FAILED;
            err.println("error: " + e.getMessage());
        } else {
            code = ExitCode.FAILED;
            err.println("error: unexpected " + e + (verbose ? "" : " (run with --verbose for the stack trace)"));
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        if (jsonOutput(parseResult)) {
            printJsonError(e, code, commandLine.getOut());
        }
        return code;
    }

    /** With {@code --output json}, scripts get the error on stdout too: {@code {"error", "exitCode", "problems"}}. */
    private static void printJsonError(Exception e, int code, PrintWriter out) {
        ObjectNode error = Json.mapper().createObjectNode();
        error.put("error", e instanceof InvalidSpecException ? "invalid spec" : String.valueOf(e.getMessage()));
        error.put("exitCode", code);
        if (e instanceof InvalidSpecException invalid) {
            ArrayNode problems = error.putArray("problems");
            for (Problem problem : invalid.problems()) {
                problems.addObject().put("path", problem.path()).put("message", problem.message());
            }
        }
        out.println(Json.pretty(error));
        out.flush();
    }

    private static boolean jsonOutput(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult command = parseResult;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        Object format = command.hasMatchedOption("--output") ? command.matchedOptionValue("--output", null) : null;
        return format != null && format.toString().equals("json");
    }
}
