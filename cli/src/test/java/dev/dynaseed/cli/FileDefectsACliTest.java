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

/** apply and export say what they did with seed files and output folders, never losing or hiding anything. */
class FileDefectsACliTest {
    private final String endpoint = Dynalite.target().endpoint().toString();

    @TempDir
    Path dir;

    private Path spec(String table, String seed) throws IOException {
        Path file = dir.resolve("spec.yaml");
        Files.writeString(
                file,
                "version: 1\ntables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n    seed:\n"
                        + seed);
        return file;
    }

    @Test
    void apply_withSkipBad_failsAndWritesNothing_whenABadLineLeavesTheRestOfTheFileUnreadable() throws IOException {
        Files.writeString(
                dir.resolve("bad.json"),
                "[{\"id\":\"a\"},\n{\"id\":\"b\" \"oops\"},\n{\"id\":\"c\"},\n{\"id\":\"d\"}]");
        String table = Dynalite.uniqueTableName("unreadable");
        Path spec = spec(table, "      files: [bad.json]\n");

        Cli.Result result = Cli.run("apply", "-f", spec.toString(), "--endpoint-url", endpoint, "--skip-bad");

        assertThat(result.exitCode()).as(result.out()).isNotZero();
        assertThat(result.err()).contains(dir.resolve("bad.json") + ":2:").contains("--skip-bad cannot skip it");
        assertThat(result.out()).doesNotContain("OK:");
    }

    @Test
    void apply_withSkipBad_showsTheSkippedLinesInTheSkippedColumn() throws IOException {
        Files.writeString(dir.resolve("some.jsonl"), "{\"id\": \"a\"}\nnot json\n{\"id\": \"b\"}\n");
        String table = Dynalite.uniqueTableName("skipcol");
        Path spec = spec(table, "      files: [some.jsonl]\n");

        Cli.Result result = Cli.run("apply", "-f", spec.toString(), "--endpoint-url", endpoint, "--skip-bad");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern(table + "\\s+\\S+\\s+2\\s+2\\s+0\\s+1\\s+0\\s");
    }

    @Test
    void apply_notesBatchWriteRequestsForATableTheSpecDoesNotHave() throws IOException {
        Files.writeString(
                dir.resolve("req.json"),
                "{\"Music\":[{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"a\"}}}}],"
                        + "\"Other\":[{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"b\"}}}}]}");
        String table = Dynalite.uniqueTableName("music");
        Path spec = spec(table, "      files: [{path: req.json, table: Music}]\n");

        Cli.Result result = Cli.run("apply", "-f", spec.toString(), "--endpoint-url", endpoint);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err())
                .contains("note: " + dir.resolve("req.json") + ": 1 request for table Other was not applied: the spec"
                        + " has no table Other");
    }

    @Test
    void apply_withJsonOutput_listsTheUnappliedRequestsInItsNotes() throws IOException {
        Files.writeString(
                dir.resolve("req2.json"),
                "{\"Music\":[{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"a\"}}}}],"
                        + "\"Other\":[{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"b\"}}}}]}");
        String table = Dynalite.uniqueTableName("musicjson");
        Path spec = spec(table, "      files: [{path: req2.json, table: Music}]\n");

        Cli.Result result = Cli.run("apply", "-f", spec.toString(), "--endpoint-url", endpoint, "-o", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode notes = new ObjectMapper().readTree(result.out()).path("notes");
        assertThat(notes.isArray()).as(result.out()).isTrue();
        assertThat(notes.get(0).asText())
                .isEqualTo(dir.resolve("req2.json") + ": 1 request for table Other was not applied: the spec has no"
                        + " table Other (add the table, or give table: Other to read them into another)");
    }

    @Test
    void export_ofAMissingTable_createsNoOutputFolder() {
        Path folder = dir.resolve("ex3");

        Cli.Result result =
                Cli.run("export", "nosuch_table", "--output-dir", folder.toString(), "--endpoint-url", endpoint);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("table 'nosuch_table' does not exist");
        assertThat(folder).doesNotExist();
    }

    @Test
    void export_toAnOutputDirThatIsAFile_saysItIsAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("afile"), "x");

        Cli.Result result = Cli.run("export", "anything", "--output-dir", file.toString(), "--endpoint-url", endpoint);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err())
                .contains("--output-dir: " + file + " cannot be a folder: " + file + " is a file; give a folder");
    }
}
