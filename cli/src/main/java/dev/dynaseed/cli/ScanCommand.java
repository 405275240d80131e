package dev.dynaseed.cli;

import dev.dynaseed.cli.render.Items;
import dev.dynaseed.cli.render.Json;
import dev.dynaseed.connection.TargetException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec.Target;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = {"Show a table's items.", "[API: DescribeTable, Scan]"})
final class ScanCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec(Target.SELF)
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "TABLE", description = "The table to scan.")
    String table;

    @Mixin
    TargetOptions target;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}); json prints plain values.")
    String format;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "25",
            description = "Items to show at most, 1 to 10000 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("json")) {
            throw new InputException("--output: '" + format + "' is not a format of scan; use table or json");
        }
        InputException.requireInRange("--limit", limit, 1, 10_000);
        PrintWriter out = command.commandLine().getOut();
        Session session = Session.open(target);
        try (session) {
            List<String> keys;
            try {
                keys = session.client().describeTable(r -> r.tableName(table)).table().keySchema().stream()
                        .map(KeySchemaElement::attributeName)
                        .toList();
            } catch (ResourceNotFoundException e) {
                throw new InputException("table '" + table + "' does not exist on "
                        + session.target().describe() + "; list tables with 'dynaseed tables'");
            }
            List<Map<String, AttributeValue>> items =
                    session
                            .client()
                            .scanPaginator(r -> r.tableName(table).limit(Math.min(limit, 1000)))
                            .items()
                            .stream()
                            .limit(limit)
                            .toList();
            if (format.equals("json")) {
                var array = Json.mapper().createArrayNode();
                items.forEach(item -> array.add(Items.json(item)));
                out.println(Json.pretty(array));
            } else if (items.isEmpty()) {
                out.println("Table " + table + " is empty.");
            } else {
                out.print(Items.table(items, keys).render(""));
                out.println("(" + items.size() + " item" + (items.size() == 1 ? "" : "s") + " shown"
                        + (items.size() == limit ? "; more may exist, raise --limit" : "") + ")");
            }
            return ExitCode.OK;
        } catch (SdkException e) {
            throw TargetException.from(session.target(), "Scanning " + table + " (DescribeTable, Scan)", e);
        }
    }
}
