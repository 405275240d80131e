package dev.dynaseed.cli;

import dev.dynaseed.cli.render.Json;
import dev.dynaseed.cli.render.TextTable;
import dev.dynaseed.connection.TargetException;
import dev.dynaseed.plan.SchemaComparison;
import dev.dynaseed.seed.TableItems;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec.Target;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

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
        Session session = Session.open(target);
        try (session) {
            List<TableDescription> tables = session.client().listTablesPaginator().tableNames().stream()
                    .map(name -> session.client()
                            .describeTable(r -> r.tableName(name))
                            .table())
                    .toList();
            boolean exact = exactCount || !session.isAws();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (TableDescription table : tables) {
                counts.put(
                        table.tableName(),
                        exact ? TableItems.count(session.client(), table.tableName()) : table.itemCount());
            }
            if (output.json()) {
                var root = Json.mapper().createArrayNode();
                for (TableDescription table : tables) {
                    root.addObject()
                            .put("name", table.tableName())
                            .put("status", table.tableStatusAsString())
                            .put("keys", keys(table))
                            .put("billing", SchemaComparison.billing(table))
                            .put("itemCount", counts.get(table.tableName()))
                            .put("itemCountExact", exact);
                }
                out.println(Json.pretty(root));
                return ExitCode.OK;
            }
            if (tables.isEmpty()) {
                out.println("No tables on " + session.target().describe() + ". Create some with 'dynaseed apply'.");
                return ExitCode.OK;
            }
            TextTable table = TextTable.of(List.of("TABLE", "STATUS", "KEYS", "BILLING", "ITEMS"), Set.of(4));
            for (TableDescription description : tables) {
                table.row(
                        description.tableName(),
                        description.tableStatusAsString(),
                        keys(description),
                        SchemaComparison.billing(description),
                        (exact ? "" : "~") + counts.get(description.tableName()));
            }
            out.print(table.render(""));
            return ExitCode.OK;
        } catch (SdkException e) {
            throw TargetException.from(session.target(), "Listing tables (ListTables, DescribeTable, Scan)", e);
        }
    }

    private static String keys(TableDescription table) {
        return String.join(
                " + ",
                table.keySchema().stream()
                        .map(KeySchemaElement::attributeName)
                        .map(name -> name + " ("
                                + table.attributeDefinitions().stream()
                                        .filter(d -> d.attributeName().equals(name))
                                        .map(d -> d.attributeTypeAsString())
                                        .findFirst()
                                        .orElse("?")
                                + ")")
                        .toList());
    }
}
