package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What apply reports about seed files and inline items: bad lines skipped, items replaced by a later one with the same
 * key, and --max-items counting them, in text and in -o json.
 */
class SeedSourcesReportTest {
    private final String endpoint = Dynalite.target().endpoint().toString();

    @TempDir
    Path dir;

    private Path spec(String... tables) throws IOException {
        StringBuilder text = new StringBuilder("version: 1\ntables:\n");
        for (int i = 0; i < tables.length; i += 2) {
            text.append("  - name: ")
                    .append(tables[i])
                    .append("\n    partitionKey: {name: id, type: S}\n    seed:\n")
                    .append(tables[i + 1]);
        }
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, text);
        return file;
    }

    private static JsonNode seed(JsonNode report, int table) {
        return report.get("tables").get(table).get("seed");
    }

    @Test
    void skipBad_putsTheBadLinesInTheReport_perTable_andAFileOfOnlyBadLinesIsNotReportedAsClean() throws IOException {
        Files.writeString(dir.resolve("mixed.jsonl"), "{\"id\": \"a\"}\n{\"id\": 1}\nnot json\n{\"id\": \"b\"}\n");
        Files.writeString(dir.resolve("bad.jsonl"), "{\"id\": 1}\nnope\n");
        String mixed = Dynalite.uniqueTableName("mixed");
        String allBad = Dynalite.uniqueTableName("allbad");
        Path spec = spec(mixed, "      files: [mixed.jsonl]\n", allBad, "      files: [bad.jsonl]\n");

        Cli.Result text = Cli.run("apply", "-f", spec.toString(), "--endpoint-url", endpoint, "--skip-bad");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("  " + mixed + ": 2 bad lines of its files skipped (--skip-bad), not written:\n    "
                        + dir.resolve("mixed.jsonl") + ":2:1: has id of type N, but the table's key id is S; give it"
                        + " as S\n    " + dir.resolve("mixed.jsonl") + ":3:1: is not valid JSON")
                .contains("  " + allBad + ": 2 bad lines of its files skipped (--skip-bad), not written:\n    "
                        + dir.resolve("bad.jsonl") + ":1:1: has id of type N")
                .containsPattern(
                        "OK: 2 tables, 2 of 2 items written in [0-9.]+s; 4 bad lines skipped \\(--skip-bad\\)\\.");

        Cli.Result json =
                Cli.run("apply", "-f", spec.toString(), "--endpoint-url", endpoint, "--skip-bad", "-o", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(seed(report, 0).get("badLinesSkipped").asLong()).isEqualTo(2);
        assertThat(seed(report, 0).get("badLines").get(1).asText())
                .startsWith(dir.resolve("mixed.jsonl") + ":3:1: is not valid JSON");
        assertThat(seed(report, 1).get("requested").asLong()).isZero();
        assertThat(seed(report, 1).get("badLinesSkipped").asLong()).isEqualTo(2);
    }

    @Test
    void repeatedKeys_writeOnlyTheLastItemOfEachKey_andTheReportNamesTheReplacedOnes() throws IOException {
        Files.writeString(
                dir.resolve("rows.jsonl"), "{\"id\": \"a\", \"v\": 1}\n{\"id\": \"b\"}\n{\"id\": \"a\", \"v\": 2}\n");
        String table = Dynalite.uniqueTableName("dups");
        Path spec = spec(
                table,
                "      items:\n        - {id: {S: b}, v: {N: \"0\"}}\n        - {id: {S: c}}\n        - {id: {S: c}}\n"
                        + "      files: [rows.jsonl]\n");

        Cli.Result apply = Cli.run("apply", "-f", spec.toString(), "--endpoint-url", endpoint);

        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out())
                .contains("  " + table + ": 3 items not written: a later item with the same key replaces each"
                        + " (DynamoDB keeps one item per key; give items their own keys to keep them all):\n"
                        + "    seed.items[2]: replaces the item with the same key (id \"c\") given earlier in"
                        + " seed.items[1]\n"
                        + "    " + dir.resolve("rows.jsonl") + ":2: replaces the item with the same key (id \"b\")"
                        + " given earlier in seed.items[0]\n")
                .containsPattern("OK: 1 table, 3 of 3 items written in [0-9.]+s; 3 items replaced by a later item with"
                        + " the same key\\.");
        Cli.Result scan = Cli.run("scan", table, "--endpoint-url", endpoint, "-o", "json");
        assertThat(new ObjectMapper().readTree(scan.out()).toString())
                .contains("{\"id\":\"a\",\"v\":2}")
                .contains("{\"id\":\"b\"}")
                .doesNotContain("\"v\":0")
                .doesNotContain("\"v\":1");
    }

    @Test
    void maxItems_countsInlineAndFileItems_beforeGeneratedOnes() throws IOException {
        StringBuilder ten = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            ten.append("{\"id\": \"f").append(i).append("\"}\n");
        }
        Files.writeString(dir.resolve("ten.jsonl"), ten);
        String first = Dynalite.uniqueTableName("capfirst");
        String second = Dynalite.uniqueTableName("capsecond");
        Path spec = spec(
                first,
                "      items: [{id: {S: i1}}, {id: {S: i2}}]\n      files: [ten.jsonl]\n      count: 5\n"
                        + "      attributes: {id: uuid4}\n",
                second,
                "      count: 5\n      attributes: {id: uuid4}\n");

        Cli.Result apply = Cli.run("apply", "-f", spec.toString(), "--endpoint-url", endpoint, "--max-items", "7");

        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out())
                .contains("Capped by --max-items 7: 7 of the 22 items the spec asks for were requested (" + first
                        + " 7 of 17, " + second + " 0 of 5).")
                .containsPattern("OK: 2 tables, 7 of 7 items written");
        assertThat(Cli.run("scan", first, "--endpoint-url", endpoint).out()).contains("(7 items shown)");
    }
}
