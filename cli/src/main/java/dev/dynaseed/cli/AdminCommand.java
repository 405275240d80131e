package dev.dynaseed.cli;

import dev.dynaseed.cli.engine.EngineOptions;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Spec.Target;

@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        description = {
            "Open the local engine's tables in a browser: starts the engine in the background (as 'dynaseed local"
                    + " start') and the admin UI (dynamodb-admin, installed on first use) beside it, and prints its URL.",
            "Both run until 'dynaseed local stop'; the admin UI stops with the engine.",
            "[API: ListTables (health check)]"
        })
final class AdminCommand implements Callable<Integer> {
    @Spec(Target.SELF)
    CommandSpec command;

    @Mixin
    EngineOptions engine;

    @Mixin
    LocalCommand.AdminPortOption adminPort;

    @Override
    public Integer call() {
        LocalCommand local = new LocalCommand();
        local.command = command;
        return local.startEngine(engine, Optional.of(adminPort.port()));
    }
}
