package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apply and destroy on AWS: the estimate, the question, --yes and --max-items (AWS is dynalite here). */
class AwsSafetyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final String endpoint = Dynalite.target().endpoint().toString();

    private String spec(String first, long firstCount, String second, long secondCount) throws IOException {
        String yaml = "tables:\n" + table(first, firstCount) + table(second, secondCount);
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, yaml);
        return file.toString();
    }

    private static String table(String name, long count) {
        return "  - name: " + name + "\n"
                + "    partitionKey: {name: id, type: S}\n"
                + "    seed: {count: " + count + ", attributes: {id: uuid4, data: {generator: bytes, length: 1000}}}\n";
    }

    private static boolean exists(String table) {
        return Dynalite.client().listTablesPaginator().tableNames().stream()
                .toList()
                .contains(table);
    }

    @Test
    void apply_onAws_showsThePlanAndTheWriteEstimate_thenRefusesWithoutATerminal_andCreatesNothing()
            throws IOException {
        String a = Dynalite.uniqueTableName("aws_a");
        String b = Dynalite.uniqueTableName("aws_b");
        String file = spec(a, 2000, b, 10);

        Cli.Result result = AwsOverDynalite.run(() -> Cli.run("apply", "-f", file, "--region", "us-east-1"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out())
                .startsWith("Plan for " + file + " on AWS us-east-1:\n")
                .contains("Estimated write cost of seeding (an estimate, not a bill):\n")
                // id (2 + 36) + data (4 + 1000) = 1,042 bytes: 2 write units per item.
                .containsPattern(a + " +2,000 +~1,042 B +4,000 +PAY_PER_REQUEST +\\$0\\.0025 on demand\n")
                .containsPattern(b + " +10 +~1,042 B +20 +PAY_PER_REQUEST +\\$0\\.000013 on demand\n")
                .contains("Total: 2,010 items, 4,020 write units, $0.002513 on demand.\n")
                .contains("Assumed: $0.625 per million write request units (on-demand, us-east-1, Standard table"
                        + " class, price of 2026-11-26;");
        assertThat(result.err())
                .isEqualTo("error: Apply this plan and write these items on AWS us-east-1: no terminal to confirm on;"
                        + " pass --yes to go ahead without asking\n");
        assertThat(exists(a)).isFalse();
        assertThat(exists(b)).isFalse();
    }

    @Test
    void apply_onAws_provisionedTable_saysCapacityBoundTimeInsteadOfAPrice() throws IOException {
        String table = Dynalite.uniqueTableName("aws_prov");
        Path file = dir.resolve("prov.yaml");
        Files.writeString(
                file,
                "tables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n"
                        + "    billing: {mode: PROVISIONED, readCapacity: 5, writeCapacity: 5}\n"
                        + "    seed: {count: 600, attributes: {id: uuid4}}\n");

        Cli.Result result = AwsOverDynalite.run(() -> Cli.run("apply", "-f", file.toString(), "--region", "us-east-1"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out())
                .containsPattern(table + " +600 +~38 B +600 +PROVISIONED 5/5 +capacity-bound: ~2 min at 5 WCU\n")
                .contains("Provisioned tables pay for their capacity by the hour instead");
        assertThat(exists(table)).isFalse();
    }

    @Test
    void apply_onAws_withYes_appliesAndPutsTheEstimateOnStderr_soJsonStaysJson() throws IOException {
        String a = Dynalite.uniqueTableName("aws_yes_a");
        String b = Dynalite.uniqueTableName("aws_yes_b");
        String file = spec(a, 3, b, 4);

        Cli.Result result =
                AwsOverDynalite.run(() -> Cli.run("apply", "-f", file, "--region", "us-east-1", "--yes", "-o", "json"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("Estimated write cost of seeding").contains("Total: 7 items");
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("status").asText()).isEqualTo("OK");
        assertThat(report.has("maxItems")).isFalse();
        assertThat(Specs.count(Dynalite.client(), a)).isEqualTo(3);
        assertThat(Specs.count(Dynalite.client(), b)).isEqualTo(4);
    }

    @Test
    void apply_maxItems_capsTheRunAcrossTablesInSpecOrder_andTheReportSaysSo() throws IOException {
        String a = Dynalite.uniqueTableName("cap_a");
        String b = Dynalite.uniqueTableName("cap_b");
        String file = spec(a, 30, b, 40);

        Cli.Result text =
                Cli.run("apply", "-f", file, "--endpoint-url", endpoint, "--max-items", "50", "--samples", "0");

        assertThat(text.exitCode()).isZero();
        assertThat(text.out())
                .contains("Capped by --max-items 50: 50 of the 70 items the spec asks for were requested (" + b
                        + " 20 of 40).\n")
                .contains("50 of 50 items written");
        assertThat(Specs.count(Dynalite.client(), a)).isEqualTo(30);
        assertThat(Specs.count(Dynalite.client(), b)).isEqualTo(20);

        Cli.Result json = Cli.run("apply", "-f", file, "--endpoint-url", endpoint, "--max-items", "10", "-o", "json");
        JsonNode cap = JSON.readTree(json.out()).get("maxItems");
        assertThat(cap.toString()).isEqualTo("{\"limit\":10,\"requested\":10,\"requestedBySpec\":70,\"capped\":true}");
        assertThat(Specs.count(Dynalite.client(), a)).isEqualTo(40);
        assertThat(Specs.count(Dynalite.client(), b)).isEqualTo(20);
    }

    @Test
    void apply_maxItems_outOfRange_isInvalidInput_beforeAnyRequest() throws IOException {
        String a = Dynalite.uniqueTableName("cap_bad");
        String file = spec(a, 3, Dynalite.uniqueTableName("cap_bad2"), 3);

        Cli.Result negative = Cli.run("apply", "-f", file, "--endpoint-url", endpoint, "--max-items", "-1");
        Cli.Result word = Cli.run("apply", "-f", file, "--endpoint-url", endpoint, "--max-items", "lots");

        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err())
                .isEqualTo("error: --max-items: -1 is out of range; use 0 to 250000000000\n"
                        + "run 'dynaseed apply --help' for the options\n");
        assertThat(word.exitCode()).isEqualTo(2);
        assertThat(word.err()).contains("'lots' is not a whole number");
        assertThat(exists(a)).isFalse();
    }

    @Test
    void destroy_onAws_asksEvenWithoutATerminal_andDeletesOnlyWithYes() throws IOException {
        String a = Dynalite.uniqueTableName("aws_doomed_a");
        String b = Dynalite.uniqueTableName("aws_doomed_b");
        String file = spec(a, 1, b, 1);
        Cli.run("apply", "-f", file, "--endpoint-url", endpoint);

        Cli.Result refused = AwsOverDynalite.run(() -> Cli.run("destroy", "-f", file, "--region", "us-east-1"));

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err())
                .isEqualTo("error: Delete 2 table(s) [" + a + ", " + b + "] and all their items on AWS us-east-1: no"
                        + " terminal to confirm on; pass --yes to go ahead without asking\n");
        assertThat(exists(a)).isTrue();

        Cli.Result deleted =
                AwsOverDynalite.run(() -> Cli.run("destroy", "-f", file, "--region", "us-east-1", "--yes"));

        assertThat(deleted.exitCode()).isZero();
        assertThat(deleted.out()).contains("2 deleted, 0 not found, 0 failed on AWS us-east-1.");
        assertThat(exists(a)).isFalse();
        assertThat(exists(b)).isFalse();
    }
}
