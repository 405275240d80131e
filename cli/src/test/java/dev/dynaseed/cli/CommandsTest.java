package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each command's output and exit code, against the test JVM's dynalite through --endpoint-url. */
class CommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final String endpoint = Dynalite.target().endpoint().toString();

    private Path spec(String... tableNames) throws IOException {
        StringBuilder yaml = new StringBuilder("tables:\n");
        for (String name : tableNames) {
            yaml.append("  - name: ")
                    .append(name)
                    .append('\n')
                    .append("    partitionKey: {name: id, type: S}\n")
                    .append("    sortKey: {name: at, type: N}\n")
                    .append("    seed: {count: 30, attributes: {id: uuid4, at: epochMillis, kind: {generator: oneOf,"
                            + " values: [a, b]}}}\n");
        }
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void plan_thenApply_thenPlanAgain() throws IOException {
        String table = Dynalite.uniqueTableName("orders");
        String file = spec(table).toString();

        Cli.Result plan = Cli.run("plan", "-f", file, "--endpoint-url", endpoint);
        Cli.Result apply = Cli.run("apply", "-f", file, "--endpoint-url", endpoint, "--samples", "2");
        Cli.Result again = Cli.run("plan", "-f", file, "--endpoint-url", endpoint, "-o", "json");

        assertThat(plan.exitCode()).isEqualTo(ExitCode.PLAN_CHANGES);
        assertThat(plan.out())
                .isEqualTo("Plan for " + file + " on endpoint " + endpoint + ":\n\n"
                        + "TABLE" + " ".repeat(table.length() - 5) + "  ACTION  DETAILS\n"
                        + table + "  create  id (S) + at (N), PAY_PER_REQUEST; seed 30 items (append)\n\n"
                        + "1 to create, 0 to update in place, 0 to replace, 0 blocked, 0 unchanged. Nothing was written; to apply it, run: dynaseed apply -f "
                        + file + " --endpoint-url " + endpoint + "\n");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out())
                .containsPattern(table + " +Created +30 +30 +0 +0 +0 ")
                .contains(table + " (first 2 rows):\n  id ")
                .containsPattern("OK: 1 table, 30 of 30 items written in");
        assertThat(again.exitCode()).isEqualTo(ExitCode.OK);
        JsonNode planned = JSON.readTree(again.out());
        assertThat(planned.get("tables").get(0).get("action").asText()).isEqualTo("none");
        assertThat(planned.get("tables").get(0).get("seed").toString())
                .isEqualTo("{\"count\":30,\"onExisting\":\"append\"}");
    }

    @Test
    void apply_json_holdsTheSeedBodyAndTheReport() throws IOException {
        String table = Dynalite.uniqueTableName("events");

        Cli.Result result = Cli.run("apply", "-f", spec(table).toString(), "--endpoint-url", endpoint, "-o", "json");

        assertThat(result.exitCode()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("create").toString()).isEqualTo("[[{\"" + table + "\":\"Create successful.\"}]]");
        assertThat(json.get("insert")).hasSize(30);
        assertThat(json.get("status").asText()).isEqualTo("OK");
        assertThat(json.get("target").asText()).isEqualTo("endpoint " + endpoint);
        JsonNode seed = json.get("tables").get(0).get("seed");
        assertThat(seed.get("requested").asLong()).isEqualTo(30);
        assertThat(seed.get("written").asLong()).isEqualTo(30);
        assertThat(seed.get("failed").asLong()).isZero();
    }

    @Test
    void invalidSpec_exitsWith2_listsEveryProblem_andSendsNoRequest() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                tables:
                  - name: x
                    partitionKey: {name: id, type: INT}
                  - name: ok_name
                    partitionKey: {name: id, type: S}
                    seed: {count: 3, attributes: {id: uuidd4}}
                """);
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(300);
            for (String command : new String[] {"apply --yes", "plan", "destroy --yes"}) {
                String[] words = command.split(" ");
                Cli.Result result = Cli.run(
                        words[0],
                        "-f",
                        file.toString(),
                        "--endpoint-url",
                        "http://127.0.0.1:" + server.getLocalPort(),
                        words.length > 1 ? words[1] : "-o=text");

                assertThat(result.exitCode()).isEqualTo(2);
                assertThat(result.out()).isEmpty();
                assertThat(result.err())
                        .isEqualTo("error: The spec " + file + " has 3 problems:\n"
                                + "  " + file
                                + ":3:30: tables[0].partitionKey.type: 'INT' is not a DynamoDB key type; use S, N or B\n"
                                + "  " + file
                                + ":2:5: tables[0].name: 'x' is not a valid DynamoDB table name; use 3 to 255"
                                + " characters of a-z, A-Z, 0-9, '_', '-' and '.', e.g. web_user_logs\n"
                                + "  " + file
                                + ":6:35: tables[1].seed.attributes.id: 'uuidd4' is not a generator; did you mean 'uuid4'?"
                                + " use one of uuid1, uuid4, epochSeconds, epochMillis, isoTimestamp, constant,"
                                + " sequence, intRange, decimalRange, oneOf, bytes, fake, boolean,"
                                + " timestamp, number, set, list, map, optional, template, ref\n");
            }
            boolean contacted;
            try (var socket = server.accept()) {
                contacted = true;
            } catch (SocketTimeoutException e) {
                contacted = false;
            }
            assertThat(contacted).as("a connection reached the endpoint").isFalse();
        }
    }

    @Test
    void invalidSpec_withJsonOutput_alsoPrintsTheProblemsWithTheirLocationsAsJson() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"tables\": [{\"name\": \"orders\", \"partitionKey\": {\"name\": \"id\"}}]}");

        Cli.Result result = Cli.run("plan", "-f", file.toString(), "--endpoint-url", endpoint, "-o", "json");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(JSON.readTree(result.out()).toString())
                .isEqualTo("{\"error\":\"invalid spec\",\"exitCode\":2,\"problems\":[{\"path\":"
                        + "\"tables[0].partitionKey.type\",\"message\":\"missing; add e.g. type: S\",\"source\":"
                        + JSON.writeValueAsString(file.toString()) + ",\"line\":1,\"column\":32}]}");
        assertThat(result.err()).startsWith("error: The spec " + file + " has 1 problem:");
    }

    @Test
    void aTableThatNeedsReplacing_isLeftAlone_withExitCode3_andAdviceRepeatingTheSpecAndTarget_whenOtherTablesSucceed()
            throws IOException, InterruptedException {
        String drifted = Dynalite.uniqueTableName("drift");
        String fine = Dynalite.uniqueTableName("fine");
        Dynalite.client()
                .createTable(r -> r.tableName(drifted)
                        .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType("N"))
                        .billingMode("PAY_PER_REQUEST"));
        // plan blocks every change to a table that is not ACTIVE yet; this test is about a settled drifted table
        for (int i = 0;
                i < 500
                        && !Dynalite.client()
                                .describeTable(r -> r.tableName(drifted))
                                .table()
                                .tableStatusAsString()
                                .equals("ACTIVE");
                i++) {
            Thread.sleep(20);
        }

        String file = spec(drifted, fine).toString();

        Cli.Result result = Cli.run("apply", "-f", file, "--endpoint-url", endpoint, "--samples", "0");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out())
                .containsPattern(drifted + " +ReplacementRefused +30 +0 +0 +30 +0 ")
                .containsPattern(fine + " +Created +30 +30 +0 +0 +0 ")
                .contains("! " + drifted + " must be replaced for these differences and was left alone, with its 0"
                        + " items:\n    partitionKey: spec has id (S), table has pk (N) (replace: ")
                .contains(
                        "  To replace it, rerun with --allow-replace; the table's 0 items are lost: dynaseed apply -f "
                                + file + " --endpoint-url " + endpoint + " --allow-replace\n")
                .containsPattern("PARTIAL: 2 tables, 30 of 60 items written");
    }

    @Test
    void destroy_endsWithASummaryAndOneErrorLineNamingTheEndpoint_whenNothingListens() throws IOException {
        String table = Dynalite.uniqueTableName("unreached");
        String file = spec(table).toString();
        String dead = "http://127.0.0.1:" + Dynalite.freePort();

        Cli.Result result = Cli.run("destroy", "-f", file, "--endpoint-url", dead, "--yes");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.FAILED);
        List<String> out = result.out().lines().toList();
        assertThat(out).hasSize(4);
        assertThat(out.get(1))
                .startsWith(
                        table + "  failed: DeleteTable " + table + " on endpoint " + dead + " failed: cannot connect (")
                .endsWith("); check that the endpoint is running and reachable, and its host and port");
        assertThat(out.subList(2, 4)).containsExactly("", "0 deleted, 0 not found, 1 failed on endpoint " + dead + ".");
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err())
                .startsWith("error: no table was deleted; DeleteTable " + table + " on endpoint " + dead
                        + " failed: cannot connect (")
                .endsWith("); check that the endpoint is running and reachable, and its host and port\n");
        assertThat(result.out() + result.err())
                .doesNotContain("SDK Attempt Count")
                .doesNotContain("Unable to execute");
    }

    @Test
    void scanApplyAndTables_showControlCharactersVisibly_inText_butRawInJson() throws IOException {
        String table = Dynalite.uniqueTableName("controls");
        Files.writeString(
                dir.resolve("controls.yaml"),
                "tables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n    seed: {count: 1,"
                        + " attributes: {id: uuid4, \"odd\\nname\": {generator: constant, value: \"a\\nb\\tc\\u001b[31mred\"}}}\n");
        String file = dir.resolve("controls.yaml").toString();

        Cli.Result apply = Cli.run("apply", "-f", file, "--endpoint-url", endpoint, "--samples", "1");
        Cli.Result scan = Cli.run("scan", table, "--endpoint-url", endpoint);
        Cli.Result json = Cli.run("scan", table, "--endpoint-url", endpoint, "-o", "json");

        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("odd\\nname").doesNotContain("\u001b").doesNotContain("\t");
        assertThat(apply.out()).containsPattern("  [0-9a-f-]{36}  a\\\\nb\\\\tc\\\\u001b\\[31mred\n");
        assertThat(scan.exitCode()).isZero();
        assertThat(scan.out().lines().toList()).hasSize(3).first().asString().matches("id +odd\\\\nname");
        assertThat(scan.out().lines().toList().get(1)).matches("[0-9a-f-]{36}  a\\\\nb\\\\tc\\\\u001b\\[31mred");
        assertThat(JSON.readTree(json.out()).get(0).get("odd\nname").asText()).isEqualTo("a\nb\tc\u001b[31mred");
    }

    @Test
    void destroy_asksFirst_andDeletesWithYes() throws IOException {
        String table = Dynalite.uniqueTableName("doomed");
        String file = spec(table).toString();
        Cli.run("apply", "-f", file, "--endpoint-url", endpoint);

        Cli.Result refused = Cli.run("destroy", "-f", file, "--endpoint-url", endpoint);
        Cli.Result deleted = Cli.run("destroy", "-f", file, "--endpoint-url", endpoint, "--yes");
        Cli.Result missing = Cli.run("destroy", "-f", file, "--endpoint-url", endpoint, "--yes", "-o", "json");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err())
                .isEqualTo("error: Delete 1 table(s) [" + table + "] and all their items on endpoint " + endpoint
                        + ": no terminal to confirm on; pass --yes to go ahead without asking\n");
        assertThat(deleted.exitCode()).isZero();
        assertThat(deleted.out()).containsPattern(table + " +deleted\n");
        assertThat(Dynalite.client().listTablesPaginator().tableNames().stream().toList())
                .doesNotContain(table);
        assertThat(JSON.readTree(missing.out())
                        .get("tables")
                        .get(0)
                        .get("outcome")
                        .asText())
                .isEqualTo("not found");
    }

    @Test
    void scan_showsItems_andNamesAMissingTable() throws IOException {
        String table = Dynalite.uniqueTableName("scanned");
        Cli.run("apply", "-f", spec(table).toString(), "--endpoint-url", endpoint);

        Cli.Result scan = Cli.run("scan", table, "--endpoint-url", endpoint, "--limit", "5");
        Cli.Result json = Cli.run("scan", table, "--endpoint-url", endpoint, "--limit", "40", "-o", "json");
        Cli.Result cutJson = Cli.run("scan", table, "--endpoint-url", endpoint, "--limit", "30", "-o", "json");
        Cli.Result missing = Cli.run("scan", "no_such_table", "--endpoint-url", endpoint);

        assertThat(json.err()).isEmpty();
        assertThat(JSON.readTree(cutJson.out())).hasSize(30);
        assertThat(cutJson.err()).startsWith("note: 30 items shown (--limit 30); more may exist, raise --limit");
        assertThat(scan.exitCode()).isZero();
        assertThat(scan.out())
                .startsWith("id")
                .contains("  at  ")
                .endsWith("(5 items shown; more may exist, raise" + " --limit)\n");
        assertThat(scan.out().lines()).hasSize(7);
        JsonNode items = JSON.readTree(json.out());
        assertThat(items).hasSize(30);
        assertThat(items.get(0).get("at").isNumber()).isTrue();
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err())
                .isEqualTo("error: table 'no_such_table' does not exist on endpoint " + endpoint
                        + "; list tables with 'dynaseed tables'\n");
    }

    @Test
    void tables_listsNameStatusKeysBillingAndCount() throws IOException {
        String table = Dynalite.uniqueTableName("listed");
        Cli.run("apply", "-f", spec(table).toString(), "--endpoint-url", endpoint);

        Cli.Result result = Cli.run("tables", "--endpoint-url", endpoint);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .startsWith("TABLE")
                .containsPattern(table + " +ACTIVE +id \\(S\\) \\+ at \\(N\\) +PAY_PER_REQUEST +30\n");
    }

    @Test
    void init_writesTheDefaultSpec_andWillNotOverwrite() throws IOException {
        Path file = dir.resolve("dynaseed.yaml");

        Cli.Result first = Cli.run("init", "-f", file.toString());
        Cli.Result second = Cli.run("init", "-f", file.toString());

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).startsWith("Wrote " + file + " (the seed scenario: 3 tables, 3 rows each).");
        assertThat(SpecReader.read(file)).isEqualTo(DefaultSpec.seedScenario());
        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.err())
                .isEqualTo("error: " + file + " already exists; pass --force to overwrite it, or -f to write another"
                        + " file\n");
        assertThat(Cli.run("init", "-f", file.toString(), "--force").exitCode()).isZero();
    }

    @Test
    void badOptions_exitWith2_andSayWhatToUse() {
        Cli.Result url = Cli.run("plan", "--endpoint-url", "localhost:8000");
        Cli.Result concurrency = Cli.run("apply", "--endpoint-url", endpoint, "--concurrency", "0");
        Cli.Result both = Cli.run("plan", "--endpoint-url", endpoint, "--port", "9000");
        Cli.Result limit = Cli.run("scan", "any_table", "--endpoint-url", endpoint, "--limit", "0");

        assertThat(url.exitCode()).isEqualTo(2);
        assertThat(url.err())
                .isEqualTo("error: --endpoint-url: 'localhost:8000' is not an http or https URL; use e.g."
                        + " --endpoint-url http://127.0.0.1:8000\nrun 'dynaseed plan --help' for the options\n");
        assertThat(concurrency.exitCode()).isEqualTo(2);
        assertThat(concurrency.err())
                .isEqualTo("error: --write-concurrency: 0 is out of range; use 1 to 256\n"
                        + "run 'dynaseed apply --help' for the options\n");
        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.err())
                .isEqualTo("error: --limit: 0 is out of range; use 1 to 10000\nrun 'dynaseed scan --help' for the"
                        + " options\n");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err())
                .isEqualTo("error: --port sets the local engine's port and cannot go with --endpoint-url;"
                        + " drop one of them\nrun 'dynaseed plan --help' for the options\n");
    }

    @Test
    void version_andHelp_describeTheCommands() {
        Cli.Result version = Cli.run("--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("dynaseed 0.1.0-SNAPSHOT\nJava ");
        for (String command : new String[] {"apply", "plan", "destroy", "tables", "scan", "init", "local"}) {
            Cli.Result help = Cli.run(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).startsWith("Usage: dynaseed " + command);
        }
        assertThat(Cli.run("apply", "--help").out())
                .contains("[API: DescribeTable, CreateTable, UpdateTable, DeleteTable, UpdateTimeToLive,")
                .contains("--allow-replace")
                .contains("--endpoint-url=URL");
        assertThat(Cli.run("--help").out()).contains("3     partly failed").contains("130   interrupted by Ctrl-C");
    }
}
