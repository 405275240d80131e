package dev.dynaseed.cli;

import dev.dynaseed.cli.engine.EngineHome;
import dev.dynaseed.cli.engine.EngineOptions;
import dev.dynaseed.engine.AdminUi;
import dev.dynaseed.engine.EngineConfig;
import dev.dynaseed.engine.EngineStatus;
import dev.dynaseed.engine.EngineStop;
import dev.dynaseed.engine.LocalEngine;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Spec.Target;

@Command(
        name = "local",
        mixinStandardHelpOptions = true,
        description = {
            "Run the local engine (dynalite) in the background, for other DynamoDB tools to use too.",
            "While it runs, dynaseed commands use it instead of starting their own; they never stop it."
        })
final class LocalCommand {
    /** {@code local status}: the engine is stopped, or runs but does not answer. */
    static final int NOT_RUNNING = 1;

    @picocli.CommandLine.Spec(Target.SELF)
    CommandSpec command;

    @Command(
            name = "start",
            mixinStandardHelpOptions = true,
            description = {
                "Start the engine and leave it running until 'dynaseed local stop'.",
                "An engine a command started is taken over: commands no longer stop it.",
                "[API: ListTables (health check)]"
            })
    int start(
            @Mixin EngineOptions options,
            @Option(
                            names = "--admin",
                            description = "Also start the admin UI (dynamodb-admin, installed on first use) against"
                                    + " the engine and print its URL; it stops with the engine.")
                    boolean admin,
            @Mixin AdminPortOption adminPort) {
        if (adminPort.given() && !admin) {
            throw new ParameterException(
                    command.commandLine(), "--admin-port needs --admin; add --admin to start the admin UI");
        }
        return startEngine(options, admin ? Optional.of(adminPort.port()) : Optional.empty());
    }

    /** Starts the engine in the background, and the admin UI beside it on {@code adminPort} when one is given. */
    int startEngine(EngineOptions options, Optional<Integer> adminPort) {
        if (adminPort.isPresent() && adminPort.get() == options.port()) {
            throw new ParameterException(
                    command.commandLine(),
                    "--admin-port " + adminPort.get() + " is the engine's port too; give the admin UI another, e.g."
                            + " --admin-port "
                            + (options.port() == AdminUi.DEFAULT_PORT ? 8002 : AdminUi.DEFAULT_PORT));
        }
        EngineConfig config = options.engineConfig(EngineHome.locate());
        PrintWriter out = command.commandLine().getOut();
        LocalEngine engine = LocalEngine.startInBackground(config);
        notes(engine.notes());
        out.println((engine.started() ? "Started" : "Already running:") + " local engine (dynalite) at "
                + engine.target().endpoint() + " (pid " + engine.pid() + ")");
        out.println("Data: " + config.dataDir().orElseThrow() + "   Log: " + engine.logFile());
        if (adminPort.isPresent()) {
            if (!AdminUi.installed(config)) {
                command.commandLine()
                        .getErr()
                        .println(
                                "dynaseed: installing the admin UI (dynamodb-admin, pinned in admin/package-lock.json)...");
                command.commandLine().getErr().flush();
            }
            AdminUi.Running ui = AdminUi.start(config, engine.port(), adminPort.get());
            out.println((ui.started() ? "Started" : "Already running:") + " admin UI (dynamodb-admin) at " + ui.url()
                    + " (pid " + ui.pid() + "); open it in a browser. Log: " + ui.logFile());
            if (ui.port() != adminPort.get()) {
                command.commandLine()
                        .getErr()
                        .println("note: the admin UI already runs on port " + ui.port() + ", not " + adminPort.get()
                                + "; to move it, run 'dynaseed local stop' and start again");
            }
        }
        out.println("Use it from any DynamoDB client, e.g.: aws dynamodb list-tables --endpoint-url "
                + engine.target().endpoint());
        out.println(
                "Stop it with: dynaseed local stop" + (adminPort.isPresent() ? " (the admin UI stops with it)" : ""));
        return ExitCode.OK;
    }

    /** {@code --admin-port}, for {@code local start --admin} and {@code admin}. */
    static final class AdminPortOption {
        @Spec(Target.MIXEE)
        CommandSpec mixee;

        @Option(
                names = "--admin-port",
                paramLabel = "PORT",
                description = "Port of the admin UI on 127.0.0.1 (default: " + AdminUi.DEFAULT_PORT + ").")
        Integer port;

        boolean given() {
            return port != null;
        }

        int port() {
            int value = port != null ? port : AdminUi.DEFAULT_PORT;
            if (value < 1 || value > 65535) {
                throw new ParameterException(
                        mixee.commandLine(),
                        "--admin-port: " + value + " is not a port; use 1 to 65535, e.g. --admin-port 8001");
            }
            return value;
        }
    }

    @Command(
            name = "stop",
            mixinStandardHelpOptions = true,
            description = {
                "Stop the engine of the data folder.",
                "While dynaseed commands use it, it is left to them: the last one stops it when it ends;"
                        + " --force stops it anyway."
            })
    int stop(
            @Mixin EngineOptions options,
            @Option(
                            names = "--force",
                            description = "Stop the engine even while dynaseed commands use it: they then fail with"
                                    + " a connection error. For an engine a command cannot give back, e.g. one"
                                    + " that hangs.")
                    boolean force) {
        EngineConfig config = options.engineConfig(EngineHome.locate());
        boolean adminBefore = AdminUi.status(config).isPresent();
        EngineStop stop = force ? LocalEngine.stopEvenIfInUse(config) : LocalEngine.stop(config);
        if (adminBefore && stop.kind() == EngineStop.Kind.NOT_RUNNING) {
            // Its engine is gone (killed, crashed): the UI that showed it goes too.
            AdminUi.stop(config);
        }
        boolean adminStopped = adminBefore && AdminUi.status(config).isEmpty();
        String dataDir = config.dataDir().orElseThrow().toString();
        command.commandLine()
                .getOut()
                .println(
                        switch (stop.kind()) {
                            case STOPPED ->
                                (adminStopped ? "Stopped the admin UI. " : "")
                                        + (stop.users().isEmpty()
                                                ? "Stopped the local engine for " + dataDir + "."
                                                : "Stopped the local engine for " + dataDir + " while "
                                                        + commands(stop.users())
                                                        + " used it; they fail with a connection error.");
                            case NOT_RUNNING ->
                                (adminStopped ? "Stopped the admin UI (its engine was gone). " : "")
                                        + "No local engine was running for " + dataDir + ".";
                            case IN_USE ->
                                "The local engine for " + dataDir + " is in use by " + commands(stop.users())
                                        + "; it will stop when the last of them ends (or stop it now with:"
                                        + " dynaseed local stop --force).";
                        });
        return ExitCode.OK;
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = {"Say whether the engine runs, who started it and which commands use it.", "[API: ListTables]"
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the engine runs and answers", "1:it is stopped, or runs but does not answer"})
    int status(@Mixin EngineOptions options) {
        EngineStatus status = LocalEngine.status(options.engineConfig(EngineHome.locate()));
        PrintWriter out = command.commandLine().getOut();
        if (!status.running()) {
            out.println("stopped (data " + status.dataDir() + "); start it with: dynaseed local start");
            AdminUi.status(options.engineConfig(EngineHome.locate()))
                    .ifPresent(ui -> out.println("The admin UI still runs at " + ui.url() + " (pid " + ui.pid()
                            + ") with no engine to show; stop it with: dynaseed local stop"));
            return NOT_RUNNING;
        }
        int port = status.port().orElseThrow();
        Optional<String> failure = LocalEngine.check(port);
        String where = "http://127.0.0.1:" + port + " (pid " + status.pid().orElseThrow() + ", data " + status.dataDir()
                + ", log " + status.logFile() + ")";
        if (failure.isPresent()) {
            out.println("not answering: " + where + " did not answer ListTables; check its log, or restart it with:"
                    + " dynaseed local stop && dynaseed local start");
            return NOT_RUNNING;
        }
        out.println("running: " + where);
        out.println(owner(status));
        AdminUi.status(options.engineConfig(EngineHome.locate()))
                .ifPresent(ui -> out.println("Admin UI (dynamodb-admin): " + ui.url() + " (pid " + ui.pid() + ")"));
        return ExitCode.OK;
    }

    private static String owner(EngineStatus status) {
        return switch (status.owner().orElseThrow()) {
            case BACKGROUND -> "Started by 'dynaseed local start'; it runs until 'dynaseed local stop'.";
            case RUN ->
                status.users().isEmpty()
                        ? "Left running by a dynaseed command that ended; the next command uses it and stops it after"
                                + " itself, or stop it now with: dynaseed local stop"
                        : "It stops when the last dynaseed command using it ends (now " + commands(status.users())
                                + ").";
        };
    }

    private static String commands(List<Long> pids) {
        return pids.size() + (pids.size() == 1 ? " command" : " commands") + " (pid "
                + pids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }

    private void notes(List<String> notes) {
        PrintWriter err = command.commandLine().getErr();
        notes.forEach(note -> err.println("note: " + note));
        err.flush();
    }
}
