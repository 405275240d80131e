package dev.dynaseed.cli;

import dev.dynaseed.DynaseedException;
import dev.dynaseed.RunDeadline;
import dev.dynaseed.checkpoint.CheckpointException;
import dev.dynaseed.checkpoint.CheckpointFile;
import dev.dynaseed.checkpoint.Checkpoints;
import dev.dynaseed.checkpoint.SeededItems;
import dev.dynaseed.cli.render.Json;
import dev.dynaseed.cli.render.TextTable;
import dev.dynaseed.seed.BatchWriter;
import dev.dynaseed.seed.SeedOutcome;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.seed.WriteOptions;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;

/** {@code destroy --items-only}: deletes exactly the items the spec seeded, keeping the tables and other items. */
final class SeededItemsDeletion {
    private final CommandSpec command;
    private final CheckpointFile file;
    private final boolean json;

    SeededItemsDeletion(CommandSpec command, CheckpointFile file, boolean json) {
        this.command = command;
        this.file = file;
        this.json = json;
    }

    int run(Spec spec, TargetOptions target, boolean yes) {
        PrintWriter out = command.commandLine().getOut();
        Checkpoints checkpoints;
        try {
            checkpoints = Checkpoints.open(file, false);
        } catch (CheckpointException e) {
            throw new InputException(e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        List<SeededItems> seeded = new ArrayList<>();
        for (TableSpec table : spec.tables()) {
            SeededItems.of(table, checkpoints.last(table.name()), problems).ifPresent(seeded::add);
        }
        if (!problems.isEmpty()) {
            throw new InputException("--items-only: " + String.join("; ", problems) + "; nothing was deleted");
        }
        long total = seeded.stream().mapToLong(SeededItems::count).sum();
        try (Session session = Session.open(target)) {
            String question = "Delete the " + total + " items this spec seeded in " + spec.tableNames() + " on "
                    + session.target().describe() + ", keeping the tables and their other items?";
            if (!Confirmation.confirm(yes, question, out)) {
                out.println("Nothing was deleted.");
                return ExitCode.OK;
            }
            Map<String, SeedOutcome> outcomes = new LinkedHashMap<>();
            try (BatchWriter writer = new BatchWriter(session.client(), WriteOptions.defaults())) {
                for (SeededItems items : seeded) {
                    SeedOutcome outcome = items.delete(writer, SeedProgress.NONE, RunDeadline.none());
                    outcomes.put(items.table().name(), outcome);
                    if (outcome.failed() == 0 && outcome.skipped() == 0) {
                        checkpoints.forget(items.table().name());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DynaseedException("interrupted while deleting items", e);
            }
            render(out, session.target().describe(), outcomes);
            long failed =
                    outcomes.values().stream().mapToLong(SeedOutcome::failed).sum();
            long deleted =
                    outcomes.values().stream().mapToLong(SeedOutcome::written).sum();
            if (failed == 0) {
                return ExitCode.OK;
            }
            return deleted == 0 ? ExitCode.FAILED : ExitCode.PARTIAL;
        }
    }

    private void render(PrintWriter out, String target, Map<String, SeedOutcome> outcomes) {
        if (json) {
            var root = Json.mapper().createObjectNode();
            root.put("target", target);
            var tables = root.putArray("tables");
            outcomes.forEach((name, outcome) -> {
                var node = tables.addObject()
                        .put("name", name)
                        .put("keys", outcome.requested())
                        .put("deleted", outcome.written())
                        .put("failed", outcome.failed());
                outcome.errors().forEach(node.putArray("errors")::add);
            });
            out.println(Json.pretty(root));
            return;
        }
        TextTable table = TextTable.of(List.of("TABLE", "KEYS", "DELETED", "FAILED"), Set.of(1, 2, 3));
        outcomes.forEach((name, outcome) -> table.row(
                name,
                Long.toString(outcome.requested()),
                Long.toString(outcome.written()),
                Long.toString(outcome.failed())));
        out.print(table.render(""));
        outcomes.forEach((name, outcome) ->
                outcome.errors().forEach(error -> out.println("  " + name + " delete error: " + error)));
        long deleted =
                outcomes.values().stream().mapToLong(SeedOutcome::written).sum();
        out.println("\n" + deleted + " seeded items deleted on " + target
                + "; the tables and their other items were kept.");
    }
}
