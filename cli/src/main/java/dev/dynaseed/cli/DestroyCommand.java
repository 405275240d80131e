package dev.dynaseed.cli;

import dev.dynaseed.cli.render.Json;
import dev.dynaseed.cli.render.TextTable;
import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.provision.DestroyOutcome;
import dev.dynaseed.spec.Spec;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec.Target;

@Command(
        name = "destroy",
        mixinStandardHelpOptions = true,
        description = {
            "Delete the spec's tables and everything in them; asks first unless --yes.",
            "With --items-only, delete only the items the spec seeded and keep the tables and other items.",
            "[API: DeleteTable; --items-only: BatchWriteItem, DeleteItem]"
        })
final class DestroyCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec(Target.SELF)
    CommandSpec command;

    @Mixin
    SpecOptions spec;

    @Mixin
    ImportOptionsMixin imports;

    @Mixin
    TargetOptions target;

    @Mixin
    OutputOptions output;

    @Option(
            names = {"-y", "--yes"},
            description = "Delete without asking.")
    boolean yes;

    @Option(
            names = "--items-only",
            description = "Delete only the items this spec seeded (their keys made again from its randomSeed, its"
                    + " sequence/constant keys, or the checkpoint of the last seed); keep the tables and other items.")
    boolean itemsOnly;

    @Mixin
    CheckpointOptions checkpoint;

    @Override
    public Integer call() {
        Spec loaded = spec.load();
        if (itemsOnly) {
            return new SeededItemsDeletion(command, checkpoint.file(target, target.target()), output.json())
                    .run(loaded, target, yes);
        }
        PrintWriter out = command.commandLine().getOut();
        try (Session session = Session.open(target)) {
            String question = "Delete " + loaded.tables().size() + " table(s) " + loaded.tableNames() + " and all"
                    + " their items on " + session.target().describe() + "?";
            if (!Confirmation.confirm(yes, question, out)) {
                out.println("Nothing was deleted.");
                return ExitCode.OK;
            }
            Map<String, DestroyOutcome> outcomes = new Pipeline(
                            session.client(), session.target().describe(), ApplyOptions.defaults())
                    .destroy(loaded);
            long deleted = count(outcomes, DestroyOutcome.Kind.DELETED);
            long notFound = count(outcomes, DestroyOutcome.Kind.NOT_FOUND);
            long failed = count(outcomes, DestroyOutcome.Kind.FAILED);
            if (output.json()) {
                var root = Json.mapper().createObjectNode();
                root.put("target", session.target().describe());
                var tables = root.putArray("tables");
                outcomes.forEach((name, outcome) -> {
                    var node = tables.addObject()
                            .put("name", name)
                            .put("outcome", outcome.kind().label());
                    outcome.error().ifPresent(error -> node.put("error", error));
                });
                out.println(Json.pretty(root));
            } else {
                TextTable table = TextTable.of("TABLE", "OUTCOME");
                outcomes.forEach((name, outcome) -> table.row(
                        name,
                        outcome.kind().label()
                                + outcome.error().map(error -> ": " + error).orElse("")));
                out.print(table.render(""));
                out.println("\n" + deleted + " deleted, " + notFound + " not found, " + failed + " failed on "
                        + session.target().describe() + ".");
            }
            if (failed > 0 && failed == outcomes.size()) {
                // Typically the target itself (unreachable, no answer, credentials): the first reason says which.
                out.flush();
                PrintWriter err = command.commandLine().getErr();
                err.println("error: no table was deleted; "
                        + outcomes.values().iterator().next().error().orElseThrow());
                err.flush();
            }
            if (failed == 0) {
                return ExitCode.OK;
            }
            return failed == outcomes.size() ? ExitCode.FAILED : ExitCode.PARTIAL;
        }
    }

    private static long count(Map<String, DestroyOutcome> outcomes, DestroyOutcome.Kind kind) {
        return outcomes.values().stream().filter(o -> o.kind() == kind).count();
    }
}
