package dev.dynaseed.cli;

import dev.dynaseed.cli.render.Json;
import dev.dynaseed.cli.render.TextTable;
import dev.dynaseed.inspect.TableInspector;
import dev.dynaseed.inspect.TableSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec.Target;

@Command(
        name = "tables",
        mixinStandardHelpOptions = true,
        description = {
            "List the target's tables: name, status, keys, billing and item count.",
            "Item counts are exact (a COUNT Scan) on the local engine and endpoints; on AWS they come from"
                    + " DescribeTable, which AWS refreshes about every six hours, unless --exact-count.",
            "[API: ListTables, DescribeTable, Scan]"
        })
final class TablesCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec(Target.SELF)
    CommandSpec command;

    @Mixin
    TargetOptions target;

    @Mixin
    OutputOptions output;

    @Option(
            names = "--exact-count",
            description = "Count items with a COUNT Scan on AWS too (reads every item: costs read capacity).")
    boolean exactCount;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        try (Session session = Session.open(target)) {
            boolean exact = exactCount || !session.isAws();
            List<TableSummary> tables =
                    new TableInspector(session.client(), session.target().describe()).tables(exact);
            if (output.json()) {
                var root = Json.mapper().createArrayNode();
                for (TableSummary table : tables) {
                    root.addObject()
                            .put("name", table.name())
                            .put("status", table.status())
                            .put("keys", table.keys())
                            .put("billing", table.billing())
                            .put("itemCount", table.itemCount())
                            .put("itemCountExact", table.itemCountExact());
                }
                out.println(Json.pretty(root));
                return ExitCode.OK;
            }
            if (tables.isEmpty()) {
                out.println("No tables on " + session.target().describe() + ". Create some with 'dynaseed apply'.");
                return ExitCode.OK;
            }
            TextTable table = TextTable.of(List.of("TABLE", "STATUS", "KEYS", "BILLING", "ITEMS"), Set.of(4));
            for (TableSummary summary : tables) {
                table.row(
                        summary.name(),
                        summary.status(),
                        summary.keys(),
                        summary.billing(),
                        (summary.itemCountExact() ? "" : "~") + summary.itemCount());
            }
            out.print(table.render(""));
            return ExitCode.OK;
        }
    }
}
