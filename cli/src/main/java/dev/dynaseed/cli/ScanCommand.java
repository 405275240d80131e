package dev.dynaseed.cli;

import dev.dynaseed.cli.render.Items;
import dev.dynaseed.cli.render.Json;
import dev.dynaseed.inspect.ItemPage;
import dev.dynaseed.inspect.TableInspector;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec.Target;

@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = {
            "Show a table's items: an aligned table, keys first, or with -o json plain values.",
            "[API: DescribeTable, Scan]"
        })
final class ScanCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec(Target.SELF)
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "TABLE", description = "The table to scan.")
    String table;

    @Mixin
    TargetOptions target;

    @Mixin
    OutputOptions output;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "25",
            description = "Items to show at most, 1 to 10000 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        InputException.requireInRange("--limit", limit, 1, 10_000);
        PrintWriter out = command.commandLine().getOut();
        try (Session session = Session.open(target)) {
            ItemPage page = new TableInspector(
                            session.client(), session.target().describe())
                    .scan(table, limit)
                    .orElseThrow(() -> new InputException("table '" + table + "' does not exist on "
                            + session.target().describe() + "; list tables with 'dynaseed tables'"));
            if (output.json()) {
                var array = Json.mapper().createArrayNode();
                page.items().forEach(item -> array.add(Items.json(item)));
                out.println(Json.pretty(array));
                if (page.items().size() == limit) {
                    // stdout stays the items only; a script that compares tables must still learn it saw a part.
                    command.commandLine()
                            .getErr()
                            .println("note: " + limit + " items shown (--limit " + limit + "); more may exist, raise"
                                    + " --limit (up to 10000) or use 'dynaseed export " + table + "' for all of them");
                    command.commandLine().getErr().flush();
                }
            } else if (page.items().isEmpty()) {
                out.println("Table " + table + " is empty.");
            } else {
                int shown = page.items().size();
                out.print(Items.table(page.items(), page.keyNames()).render(""));
                out.println("(" + shown + " item" + (shown == 1 ? "" : "s") + " shown"
                        + (shown == limit ? "; more may exist, raise --limit" : "") + ")");
            }
            return ExitCode.OK;
        }
    }
}
