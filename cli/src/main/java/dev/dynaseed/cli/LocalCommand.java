package dev.dynaseed.cli;

import dev.dynaseed.cli.engine.EngineHome;
import dev.dynaseed.engine.EngineConfig;
import dev.dynaseed.engine.EngineStatus;
import dev.dynaseed.engine.LocalEngine;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec.Target;

@Command(
        name = "local",
        mixinStandardHelpOptions = true,
        description = {
            "Run the local engine (dynalite) in the background, for other DynamoDB tools to use too.",
            "While it runs, dynaseed commands use it instead of starting their own."
        })
final class LocalCommand {
    @picocli.CommandLine.Spec(Target.SELF)
    CommandSpec command;

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start the engine and leave it running.")
    int start(@Mixin TargetOptions target) {
        EngineConfig config = config(target);
        PrintWriter out = command.commandLine().getOut();
        LocalEngine engine = LocalEngine.start(config);
        boolean started = engine.owned();
        engine.detach();
        out.println((started ? "Started" : "Already running:") + " local engine (dynalite) at "
                + engine.target().endpoint() + " (pid " + engine.pid() + ")");
        out.println("Data: " + config.dataDir().orElseThrow() + "   Log: " + engine.logFile());
        out.println("Use it from any DynamoDB client, e.g.: aws dynamodb list-tables --endpoint-url "
                + engine.target().endpoint());
        out.println("Stop it with: dynaseed local stop");
        return ExitCode.OK;
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the background engine.")
    int stop(@Mixin TargetOptions target) {
        EngineConfig config = config(target);
        boolean stopped = LocalEngine.stop(config);
        command.commandLine()
                .getOut()
                .println(
                        stopped
                                ? "Stopped the local engine for "
                                        + config.dataDir().orElseThrow() + "."
                                : "No local engine was running for "
                                        + config.dataDir().orElseThrow() + ".");
        return ExitCode.OK;
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Say whether the engine runs.")
    int status(@Mixin TargetOptions target) {
        EngineStatus status = LocalEngine.status(config(target));
        PrintWriter out = command.commandLine().getOut();
        if (status.running()) {
            out.println("running: http://127.0.0.1:" + status.port().orElseThrow() + " (pid "
                    + status.pid().orElseThrow() + ", data " + status.dataDir() + ", log " + status.logFile() + ")");
        } else {
            out.println("stopped (data " + status.dataDir() + "); start it with: dynaseed local start");
        }
        return ExitCode.OK;
    }

    private static EngineConfig config(TargetOptions target) {
        if (!(target.target() instanceof dev.dynaseed.connection.Target.Local)) {
            throw new InputException("'dynaseed local' manages the local engine; --endpoint-url, --region and"
                    + " --profile do not apply to it");
        }
        return target.engineConfig(EngineHome.locate());
    }
}
