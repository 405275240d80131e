package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.seed.TableItems;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code destroy --items-only}: exactly the items the spec seeded go; the table and other items stay. */
class DestroyItemsOnlyTest {
    @TempDir
    Path dir;

    private final String endpoint = Dynalite.target().endpoint().toString();

    private Path spec(String table, String seedLine) throws IOException {
        Path file = dir.resolve(table + ".yaml");
        Files.writeString(
                file,
                "version: 1\ntables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n"
                        + "    seed:\n      count: 1000\n" + seedLine + "      attributes:\n        id: uuid4\n"
                        + "        at: epochMillis\n");
        return file;
    }

    private Cli.Result run(String... args) {
        return Cli.runIn(dir, args);
    }

    private static void putForeignItems(String table) {
        for (int i = 0; i < 10; i++) {
            String id = "foreign-" + i;
            Dynalite.client()
                    .putItem(r -> r.tableName(table)
                            .item(Map.of(
                                    "id", AttributeValue.fromS(id),
                                    "note", AttributeValue.fromS("not seeded"))));
        }
    }

    private static Set<String> ids(String table) {
        return Dynalite.client().scanPaginator(r -> r.tableName(table)).items().stream()
                .map(item -> item.get("id").s())
                .collect(Collectors.toSet());
    }

    @Test
    void itemsOnly_deletesExactlyTheSeededItems_andLeavesTheTableAndForeignItems() throws IOException {
        String table = Dynalite.uniqueTableName("items_only");
        Path spec = spec(table, "      randomSeed: 7\n");
        Cli.Result applied = run("apply", "-f", spec.toString(), "--endpoint-url", endpoint, "--samples", "0");
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        putForeignItems(table);
        assertThat(TableItems.count(Dynalite.client(), table)).isEqualTo(1010);

        Cli.Result destroyed =
                run("destroy", "--items-only", "--yes", "-f", spec.toString(), "--endpoint-url", endpoint);

        assertThat(destroyed.exitCode()).as(destroyed.err()).isZero();
        assertThat(destroyed.out())
                .containsPattern(table + " +1000 +1000 +0")
                .contains("1000 seeded items deleted on endpoint " + endpoint
                        + "; the tables and their other items were kept.");
        assertThat(ids(table))
                .as("exactly the 10 foreign items are left, in the table that is still there")
                .isEqualTo(IntStream.range(0, 10).mapToObj(i -> "foreign-" + i).collect(Collectors.toSet()));
    }

    @Test
    void itemsOnly_refusesKeysThatDifferOnEveryRun_withoutACheckpoint_andDeletesNothing() throws IOException {
        String table = Dynalite.uniqueTableName("items_only_random");
        Path spec = spec(table, "");
        Path elsewhere = dir.resolve("elsewhere.json");
        Cli.Result applied = run(
                "apply",
                "-f",
                spec.toString(),
                "--endpoint-url",
                endpoint,
                "--samples",
                "0",
                "--checkpoint",
                elsewhere.toString());
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        putForeignItems(table);

        Cli.Result refused = run("destroy", "--items-only", "--yes", "-f", spec.toString(), "--endpoint-url", endpoint);

        assertThat(refused.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(refused.err())
                .isEqualTo("error: --items-only: table '" + table + "': its key id (uuid4) differs on every run (no"
                        + " seed.randomSeed) and no checkpoint of its last seed exists, so its items cannot be told"
                        + " from others; seed it with a randomSeed (e.g. randomSeed: 42) or sequence/constant keys to"
                        + " make keys repeatable, or delete the whole table with 'dynaseed destroy'; nothing was"
                        + " deleted\n");
        assertThat(TableItems.count(Dynalite.client(), table)).isEqualTo(1010);

        Cli.Result fromCheckpoint = run(
                "destroy",
                "--items-only",
                "--yes",
                "-f",
                spec.toString(),
                "--endpoint-url",
                endpoint,
                "--checkpoint",
                elsewhere.toString());

        assertThat(fromCheckpoint.exitCode()).as(fromCheckpoint.err()).isZero();
        assertThat(TableItems.count(Dynalite.client(), table))
                .as("the keys made again from the checkpoint's run seed")
                .isEqualTo(10);
    }
}
