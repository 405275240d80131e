package dev.dynaseed.cli;

import dev.dynaseed.connection.KeptConnections;
import dev.dynaseed.spec.internal.Quote;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
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
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:everything asked was done",
            "1:failed (engine, target, or every table)",
            "2:invalid input: options or spec; nothing was sent",
            "3:partly failed: some tables or items failed, or apply left a table alone (replacement refused or a"
                    + " change blocked)",
            "130:interrupted by Ctrl-C (apply reports what it wrote first; a second Ctrl-C stops at once)"
        })
public final class Dynaseed implements Runnable {
    /**
     * The subcommands, by name, in the order help lists them. Added to the root in {@link #commandLine(Path)}, not
     * through {@code @Command(subcommands)}, so that a run naming one builds the model of that one only (picocli reads
     * each command's annotations and fields when it is added, which costs a fresh JVM several hundred milliseconds for
     * all of them).
     */
    static final Map<String, Class<?>> COMMANDS = commands();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Log each phase and print stack traces of errors.")
    boolean verbose;

    private Path directory = Path.of("");

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line with dynaseed's exit codes and error printing, reading specs from the current directory. */
    public static CommandLine commandLine() {
        return commandLine(Path.of(""));
    }

    /** The same, taking {@code ./dynaseed.yaml} (when no spec is named) from {@code directory}. */
    static CommandLine commandLine(Path directory) {
        return commandLine(directory, COMMANDS.values());
    }

    /**
     * The command line for {@code args}: when they name a command right away ({@code apply ...}, {@code --verbose
     * plan ...}), the root with that command alone, which parses and runs it exactly as the full tree does; else
     * ({@code --help}, {@code help apply}, a mistyped command, an {@code @file}) the full tree.
     */
    static CommandLine commandLineFor(String[] args) {
        return chosenCommand(args)
                .map(command -> commandLine(Path.of(""), List.of(command)))
                .orElseGet(Dynaseed::commandLine);
    }

    /** The command {@code args} name before anything else but {@code --verbose}, if they do. */
    static Optional<Class<?>> chosenCommand(String[] args) {
        for (String arg : args) {
            if (!arg.equals("--verbose")) {
                Class<?> command = COMMANDS.get(arg);
                return command == null || command == CommandLine.HelpCommand.class
                        ? Optional.empty()
                        : Optional.of(command);
            }
        }
        return Optional.empty();
    }

    private static CommandLine commandLine(Path directory, Collection<Class<?>> commands) {
        Dynaseed root = new Dynaseed();
        root.directory = directory;
        CommandLine commandLine = new CommandLine(root);
        // Before the converters and handlers below: picocli gives those to the subcommands added so far.
        commands.forEach(commandLine::addSubcommand);
        // Say "a whole number" where picocli's own converters would say "not an int" or "not a long".
        commandLine.registerConverter(
                Integer.class, value -> (int) wholeNumber(value, Integer.MIN_VALUE, Integer.MAX_VALUE));
        commandLine.registerConverter(
                Integer.TYPE, value -> (int) wholeNumber(value, Integer.MIN_VALUE, Integer.MAX_VALUE));
        commandLine.registerConverter(Long.class, value -> wholeNumber(value, Long.MIN_VALUE, Long.MAX_VALUE));
        commandLine.registerConverter(Long.TYPE, value -> wholeNumber(value, Long.MIN_VALUE, Long.MAX_VALUE));
        ErrorHandler errors = new ErrorHandler();
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        return commandLine;
    }

    /** The folder where {@code dynaseed.yaml} is looked for when a command names no spec. */
    Path directory() {
        return directory;
    }

    /** The command being run ({@code apply}, {@code init}, ...); empty before picocli chose one. */
    private static Optional<String> commandName(CommandLine commandLine) {
        ParseResult parsed = commandLine.getParseResult();
        if (parsed == null || !parsed.hasSubcommand()) {
            return Optional.empty();
        }
        return Optional.of(parsed.subcommand().commandSpec().name());
    }

    /**
     * What a user reads when the JVM is stopped (kill -TERM, Ctrl-C) while a command runs, naming the command and what
     * it may have left half done; empty before a command was chosen.
     */
    static Optional<String> stoppedLine(CommandLine commandLine) {
        Optional<String> chosen = commandName(commandLine);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        String name = chosen.get();
        String left = switch (name) {
            case "apply", "invoke-local" ->
                "; tables may be partly created and items partly written (see them with 'dynaseed tables')";
            case "destroy" -> "; some tables may be deleted already (see them with 'dynaseed tables')";
            case "init" -> "; the spec file may be partly written";
            default -> "";
        };
        return Optional.of("stopped: dynaseed " + name + " was stopped before it finished" + left);
    }

    public static void main(String[] args) {
        // Before anything prints: no credential an endpoint echoes back reaches the terminal, even at --verbose.
        System.setOut(RedactingStream.wrap(System.out));
        System.setErr(RedactingStream.wrap(System.err));
        boolean verbose = Arrays.asList(args).contains("--verbose");
        KeptConnections.keepEnough();
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        if (!verbose) {
            // A warning reads like the CLI's own ("warning: ..."), without a thread or Java class name in it;
            // --verbose keeps both, for a bug report.
            System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
            System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
            System.setProperty("org.slf4j.simpleLogger.showShortLogName", "false");
            System.setProperty("org.slf4j.simpleLogger.warnLevelString", "warning:");
        }
        // After the logger's settings: the warm-up thread may be the first to log.
        chosenCommand(args).ifPresent(SessionWarmUp::startFor);
        // The named command's model alone (picocli loads and verifies its classes from the jar in every run: they are
        // too old a class file version for the class archive), not every command's.
        CommandLine commandLine = commandLineFor(args);
        AtomicBoolean finished = new AtomicBoolean();
        Interrupts.install(System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished.get()) {
                stoppedLine(commandLine).ifPresent(line -> {
                    System.err.println(line);
                    System.err.flush();
                });
            }
        }));
        int code;
        try {
            code = commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // Unwound to here, what filled the heap is garbage again: one line instead of the JVM's stack trace.
            finished.set(true);
            code = 1;
            String name = commandName(commandLine).orElse("");
            commandLine
                    .getErr()
                    .println("error: dynaseed " + name + (name.isEmpty() ? "" : " ")
                            + "ran out of memory (" + e.getMessage() + "): its input makes far more than it holds"
                            + " (a value repeated through aliases or variables?), or it needs a larger heap; check"
                            + " the input, or run it with DYNASEED_JAVA_OPTS=-Xmx2g");
        }
        finished.set(true);
        // picocli's writers flush on println only; System.exit would drop what print() left in the buffer.
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(code);
    }

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("apply", ApplyCommand.class);
        commands.put("plan", PlanCommand.class);
        commands.put("destroy", DestroyCommand.class);
        commands.put("tables", TablesCommand.class);
        commands.put("scan", ScanCommand.class);
        commands.put("export", ExportCommand.class);
        commands.put("init", InitCommand.class);
        commands.put("invoke-local", InvokeLocalCommand.class);
        commands.put("shards", ShardsCommand.class);
        commands.put("local", LocalCommand.class);
        commands.put("admin", AdminCommand.class);
        commands.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(commands);
    }

    private static long wholeNumber(String value, long min, long max) {
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the range.
        }
        throw new CommandLine.TypeConversionException(
                Quote.of(value) + " is not a whole number from " + min + " to " + max);
    }
}
