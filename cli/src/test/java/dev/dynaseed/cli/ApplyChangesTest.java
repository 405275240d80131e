package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code apply} changes existing tables in place, and replaces one only with {@code --allow-replace}, asking per table
 * unless {@code --yes}.
 */
class ApplyChangesTest {
    @TempDir
    Path dir;

    private final String endpoint = Dynalite.target().endpoint().toString();
    private final DynamoDbClient client = Dynalite.client();

    private String spec(String table) throws IOException {
        Path file = dir.resolve("spec.yaml");
        Files.writeString(
                file,
                "tables:\n"
                        + "  - name: " + table + "\n"
                        + "    partitionKey: {name: id, type: S}\n"
                        + "    seed: {count: 3, attributes: {id: uuid4}}\n");
        return file.toString();
    }

    /** A table keyed on {@code pk} (N) holding two items, where the spec wants {@code id} (S). */
    private String tableWithAnotherKey(String prefix) throws InterruptedException {
        String name = Dynalite.uniqueTableName(prefix);
        client.createTable(r -> r.tableName(name)
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("N"))
                .billingMode("PAY_PER_REQUEST"));
        for (int i = 0;
                i < 100
                        && !"ACTIVE"
                                .equals(client.describeTable(r -> r.tableName(name))
                                        .table()
                                        .tableStatusAsString());
                i++) {
            Thread.sleep(20);
        }
        for (String pk : new String[] {"1", "2"}) {
            client.putItem(r -> r.tableName(name).item(Map.of("pk", AttributeValue.fromN(pk))));
        }
        return name;
    }

    private String key(String table) {
        return client.describeTable(r -> r.tableName(table))
                .table()
                .keySchema()
                .get(0)
                .attributeName();
    }

    @Test
    void checkpointNamingAFolder_isRefusedBeforeAnyRequest() throws Exception {
        String table = Dynalite.uniqueTableName("ckdir");
        String file = spec(table);

        Cli.Result result = Cli.run("apply", "-f", file, "--endpoint-url", endpoint, "--checkpoint", dir.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err())
                .startsWith("error: --checkpoint: " + dir + " is a folder; name a file in it, e.g. --checkpoint "
                        + dir.resolve("checkpoint.json"));
        assertThat(client.listTablesPaginator().tableNames().stream().toList()).doesNotContain(table);
    }

    @Test
    void plan_countsTheItemsAReplacementLoses_andSuggestsAllowReplace() throws Exception {
        String table = tableWithAnotherKey("planrepl");
        String file = spec(table);

        Cli.Result result = Cli.run("plan", "-f", file, "--endpoint-url", endpoint);

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCode.PLAN_CHANGES);
        assertThat(result.out())
                .contains("the table's items are lost (2 by a COUNT Scan)")
                .contains("to apply it, replacing tables (their items are lost), run: dynaseed apply -f " + file
                        + " --endpoint-url " + endpoint + " --allow-replace");
    }

    @Test
    void withoutAllowReplace_theTableIsLeftAloneWithItsItems_exitCode3_andTheFixIsShown() throws Exception {
        String table = tableWithAnotherKey("norepl");
        String file = spec(table);

        Cli.Result result = Cli.run("apply", "-f", file, "--endpoint-url", endpoint, "--samples", "0");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.PARTIAL);
        assertThat(result.out())
                .containsPattern(table + " +ReplacementRefused +3 +0 +0 +3 +0 ")
                .contains("! " + table + " must be replaced for these differences and was left alone, with its 2"
                        + " items:\n")
                .contains(
                        "  To replace it, rerun with --allow-replace; the table's 2 items are lost: dynaseed apply -f "
                                + file + " --endpoint-url " + endpoint + " --allow-replace\n")
                .contains("PARTIAL: 1 table, 0 of 3 items written");
        assertThat(key(table)).isEqualTo("pk");
        assertThat(Specs.count(client, table)).isEqualTo(2);
    }

    @Test
    void allowReplace_withoutATerminalOrYes_refusesBeforeChangingAnything() throws Exception {
        String table = tableWithAnotherKey("noterm");
        String file = spec(table);

        Cli.Result result =
                Cli.run("apply", "-f", file, "--endpoint-url", endpoint, "--samples", "0", "--allow-replace");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err())
                .startsWith("error: Replace table " + table + " (for partitionKey; it is deleted and created again,"
                        + " and all its items are lost): no terminal to confirm on; pass --yes to go ahead without"
                        + " asking\n");
        assertThat(key(table)).isEqualTo("pk");
        assertThat(Specs.count(client, table)).isEqualTo(2);
    }

    @Test
    void allowReplace_withYes_replacesTheTable_reportsTheItemsLost_andSeedsIt() throws Exception {
        String table = tableWithAnotherKey("repl");
        String file = spec(table);

        Cli.Result result =
                Cli.run("apply", "-f", file, "--endpoint-url", endpoint, "--samples", "0", "--allow-replace", "--yes");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        assertThat(result.out())
                .containsPattern(table + " +Replaced +3 +3 +0 +0 +0 ")
                .contains("! " + table + " was replaced (deleted and created again); its 2 items were lost:\n")
                .contains("OK: 1 table, 3 of 3 items written");
        assertThat(key(table)).isEqualTo("id");
        assertThat(Specs.count(client, table)).isEqualTo(3);
    }

    @Test
    void capacityChange_isMadeInPlace_keepingTheItems_andSaysSo() throws IOException {
        String table = Dynalite.uniqueTableName("capacity");
        Path file = dir.resolve("capacity.yaml");
        String yaml = "tables:\n"
                + "  - name: " + table + "\n"
                + "    partitionKey: {name: id, type: S}\n"
                + "    billing: {mode: PROVISIONED, readCapacity: CAP, writeCapacity: CAP}\n"
                + "    seed: {count: 2, attributes: {id: uuid4}}\n";
        Files.writeString(file, yaml.replace("CAP", "5"));
        assertThat(Cli.run("apply", "-f", file.toString(), "--endpoint-url", endpoint, "--samples", "0")
                        .exitCode())
                .isZero();
        Files.writeString(file, yaml.replace("CAP", "7"));

        Cli.Result result = Cli.run("apply", "-f", file.toString(), "--endpoint-url", endpoint, "--samples", "0");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
        assertThat(result.out())
                .containsPattern(table + " +Updated +2 +2 +0 +0 +0 ")
                .contains(
                        "  " + table + " was changed in place (its items kept):\n    billing: spec has PROVISIONED 7/7,"
                                + " table has PROVISIONED 5/5 (in place: UpdateTable")
                .contains("OK: 1 table, 2 of 2 items written");
        assertThat(client.describeTable(r -> r.tableName(table))
                        .table()
                        .provisionedThroughput()
                        .readCapacityUnits())
                .isEqualTo(7L);
        assertThat(Specs.count(client, table)).isEqualTo(4);
    }
}
