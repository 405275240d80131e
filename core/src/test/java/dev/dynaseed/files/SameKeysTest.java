package dev.dynaseed.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.report.Report;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.seed.Seeder;
import dev.dynaseed.seed.WriteOptions;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items of a table's sources that repeat a key: the last one is written (as writing them one after another would
 * leave it), the earlier ones are not sent and are counted, so no two items with one key are ever in flight.
 */
class SameKeysTest {
    @TempDir
    Path dir;

    private Spec spec(String table, String seed) throws IOException {
        Path file = dir.resolve(table + ".yaml");
        Files.writeString(
                file,
                "version: 1\ntables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n    seed:\n"
                        + seed);
        return ItemFiles.scan(SpecReader.read(file), file.toString(), false);
    }

    @Test
    void repeatedKeys_leaveTheLastItemOfEachKey_sendOnlyThose_andNameTheFirstReplacements() throws IOException {
        String table = Dynalite.uniqueTableName("samekeys");
        StringBuilder lines = new StringBuilder();
        for (int line = 1; line <= 2_000; line++) {
            lines.append("{\"id\": \"k")
                    .append(line % 100)
                    .append("\", \"line\": ")
                    .append(line)
                    .append("}\n");
        }
        Files.writeString(dir.resolve("rows.jsonl"), lines);
        Spec scanned = spec(table, "      items: [{id: {S: k1}, line: {N: \"0\"}}]\n      files: [rows.jsonl]\n");
        TableSpec scannedTable = scanned.tables().get(0);

        assertThat(scannedTable.seed().totalItems()).isEqualTo(100);
        assertThat(SourceReport.replaced(scannedTable)).isEqualTo(1_901);
        assertThat(scannedTable.seed().selection().replacements())
                .hasSize(SourceReport.SHOWN)
                .first()
                .isEqualTo(dir.resolve("rows.jsonl") + ":1: replaces the item with the same key (id \"k1\") given"
                        + " earlier in seed.items[0]");

        Report report = new Pipeline(
                        Dynalite.client(),
                        "dynalite",
                        ApplyOptions.defaults()
                                .withWrite(WriteOptions.defaults().withMaxInFlight(16)))
                .apply(scanned, SeedProgress.NONE);

        assertThat(report.tables().get(0).seed().requested()).isEqualTo(100);
        assertThat(report.tables().get(0).seed().written()).isEqualTo(100);
        Map<String, String> lastLine = new HashMap<>();
        Dynalite.client()
                .scanPaginator(r -> r.tableName(table))
                .items()
                .forEach(item ->
                        lastLine.put(item.get("id").s(), item.get("line").n()));
        Map<String, String> expected = new HashMap<>();
        for (int k = 0; k < 100; k++) {
            expected.put("k" + k, Integer.toString(1_900 + (k == 0 ? 100 : k)));
        }
        assertThat(lastLine).isEqualTo(expected);
    }

    @Test
    void numberKeys_thatDynamoDbHoldsAsOne_areTheSameKey() throws IOException {
        Path rows = dir.resolve("n.jsonl");
        Files.writeString(rows, "{\"id\": 1.0, \"v\": \"a\"}\n{\"id\": 1, \"v\": \"b\"}\n{\"id\": 2}\n");
        Path file = dir.resolve("n.yaml");
        Files.writeString(
                file,
                "version: 1\ntables:\n  - name: numbers\n    partitionKey: {name: id, type: N}\n    seed:\n"
                        + "      files: [n.jsonl]\n");
        TableSpec table =
                ItemFiles.scan(SpecReader.read(file), "n.yaml", false).tables().get(0);

        assertThat(table.seed().totalItems()).isEqualTo(2);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (Iterator<Map<String, AttributeValue>> it =
                        Seeder.generated(table, 1, Instant.EPOCH).iterator();
                it.hasNext(); ) {
            items.add(it.next());
        }
        assertThat(items)
                .containsExactly(
                        Map.of("id", AttributeValue.fromN("1"), "v", AttributeValue.fromS("b")),
                        Map.of("id", AttributeValue.fromN("2")));
    }

    @Test
    void keysPastTheBound_areNotChecked_andTheSelectionSaysSo() {
        SameKeys keys = new SameKeys(List.of("id"), 3);
        keys.source("rows.jsonl");
        for (String id : List.of("a", "b", "c", "d", "d", "a")) {
            keys.add(Map.of("id", AttributeValue.fromS(id)), "rows.jsonl:1");
        }

        assertThat(keys.selection().replaced()).isEqualTo(1);
        assertThat(keys.selection().isSuperseded(0)).isTrue();
        assertThat(keys.selection().keysChecked()).isFalse();
    }
}
