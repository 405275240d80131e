package dev.dynaseed.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynaseed.seed.IndexRanges;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.TableSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {
    @TempDir
    Path dir;

    private static TableSpec table(String name, long count) {
        return SpecReader.read(
                        "tables:\n  - name: " + name + "\n    partitionKey: {name: id, type: S}\n"
                                + "    seed: {count: " + count
                                + ", attributes: {id: uuid4, n: {generator: intRange, min: 1,"
                                + " max: 9}}}\n",
                        SpecReader.SpecFormat.YAML,
                        "test.yaml")
                .tables()
                .get(0);
    }

    @Test
    void whatIsWritten_isReadBack_andNoTemporaryFileIsLeft() throws Exception {
        TableSpec table = table("orders", 100);
        TableCheckpoint entry = TableCheckpoint.started(
                        "orders", TableDigest.of(table), 100, -42L, Instant.parse("2026-11-26T01:00:00.123Z"))
                .plus(IndexRanges.of(List.of(new IndexRanges.Range(0, 25), new IndexRanges.Range(50, 75))));
        CheckpointFile file = new CheckpointFile(dir.resolve("sub").resolve("checkpoint.json"));

        file.write(Map.of("orders", entry));

        assertThat(file.read()).containsExactly(Map.entry("orders", entry));
        try (var files = Files.list(dir.resolve("sub"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("checkpoint.json");
        }
    }

    @Test
    void manyTables_oneChangingBetweenSaves_everyEntryIsReadBackAsLastWritten() throws Exception {
        TableDigest digest = TableDigest.of(table("many", 1000));
        Instant base = Instant.parse("2026-11-26T01:00:00Z");
        Map<String, TableCheckpoint> tables = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            String name = "done_\"" + i + "\u00e9";
            tables.put(
                    name, TableCheckpoint.started(name, digest, 1000, i, base).plus(IndexRanges.upTo(1000)));
        }
        tables.put("seeding", TableCheckpoint.started("seeding", digest, 1000, 7, base));
        CheckpointFile file = new CheckpointFile(dir.resolve("checkpoint.json"));

        for (int batch = 0; batch < 40; batch++) {
            tables.put(
                    "seeding",
                    tables.get("seeding")
                            .plus(IndexRanges.of(List.of(new IndexRanges.Range(batch * 25L, batch * 25L + 25)))));
            file.write(tables);
        }
        tables.remove("done_\"3\u00e9");
        file.write(tables);

        Map<String, TableCheckpoint> read = file.read();
        assertThat(read).containsExactlyEntriesOf(tables);
        assertThat(read.get("seeding").written().size()).isEqualTo(1000);
        assertThat(read.get("seeding").complete()).isTrue();
        assertThat(new CheckpointFile(dir.resolve("checkpoint.json")).read()).isEqualTo(read);
    }

    @Test
    void theFolderRemovedBetweenSaves_isMadeAgain() throws Exception {
        TableCheckpoint entry = TableCheckpoint.started(
                "orders", TableDigest.of(table("orders", 10)), 10, 1, Instant.parse("2026-11-26T01:00:00Z"));
        Path folder = dir.resolve("sub");
        CheckpointFile file = new CheckpointFile(folder.resolve("checkpoint.json"));
        file.write(Map.of("orders", entry));
        Files.delete(folder.resolve("checkpoint.json"));
        Files.delete(folder);

        file.write(Map.of("orders", entry));

        assertThat(file.read()).containsExactly(Map.entry("orders", entry));
    }

    @Test
    void aDamagedFile_isNamedWithWhatToDo() throws Exception {
        Path path = dir.resolve("checkpoint.json");
        Files.writeString(path, "{\"version\": 1, \"tables\": {\"orders\": {\"specDigest\": ");

        assertThatThrownBy(() -> new CheckpointFile(path).read())
                .isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith("the checkpoint " + path + " is damaged (")
                .hasMessageEndingWith("); delete it and apply without --resume");
    }

    @Test
    void digest_namesTheFieldsThatChanged() {
        TableDigest before = TableDigest.of(table("orders", 100));
        TableDigest after = TableDigest.of(table("orders", 200));

        assertThat(after.changedFrom(before)).containsExactly("seed.count");
        assertThat(TableDigest.of(table("orders", 100))).isEqualTo(before);
    }
}
