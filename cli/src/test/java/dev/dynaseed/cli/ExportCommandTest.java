package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export writes a table to a file apply seeds back from; it never replaces a file without --force. */
class ExportCommandTest {
    private final String endpoint = Dynalite.target().endpoint().toString();

    @TempDir
    Path dir;

    private Path spec(String table, String seed) throws IOException {
        Path file = dir.resolve(table + ".yaml");
        Files.writeString(
                file,
                "version: 1\ntables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n    seed:\n"
                        + seed);
        return file;
    }

    @Test
    void export_thenApplyFromTheFile_copiesTheTable_andRefusesToOverwriteWithoutForce() throws IOException {
        String original = Dynalite.uniqueTableName("exported");
        Path first = spec(
                original,
                "      items:\n        - {id: {S: a}, tags: {SS: [x, y]}, n: {N: \"1.5\"}}\n"
                        + "        - {id: {S: b}, raw: {B: AQI=}}\n");
        assertThat(Cli.run("apply", "-f", first.toString(), "--endpoint-url", endpoint)
                        .exitCode())
                .isZero();

        Cli.Result export = Cli.run(
                "export", original, "--output-dir", dir.toString(), "--segments", "2", "--endpoint-url", endpoint);
        assertThat(export.exitCode()).as(export.err()).isZero();
        Path file = dir.resolve(original + ".dynamodb.jsonl");
        assertThat(export.out()).contains("Exported 2 items of " + original + " to " + file);
        assertThat(Files.readAllLines(file)).hasSize(2);

        Cli.Result again = Cli.run("export", original, "--output-dir", dir.toString(), "--endpoint-url", endpoint);
        assertThat(again.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(again.err()).contains(file + " already exists; pass --force to replace it");

        String copy = Dynalite.uniqueTableName("imported");
        Path second = spec(copy, "      files: [" + file.getFileName() + "]\n");
        Cli.Result apply = Cli.run("apply", "-f", second.toString(), "--endpoint-url", endpoint);
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        Cli.Result exportCopy =
                Cli.run("export", copy, "--output-dir", dir.toString(), "--endpoint-url", endpoint, "--force");
        assertThat(exportCopy.exitCode()).isZero();
        assertThat(Files.readAllLines(dir.resolve(copy + ".dynamodb.jsonl")))
                .containsExactlyInAnyOrderElementsOf(Files.readAllLines(file));
    }

    @Test
    void lossyFormat_warnsWhatItCouldNotKeep() throws IOException {
        String table = Dynalite.uniqueTableName("lossy");
        Path spec = spec(table, "      items: [{id: {S: a}, tags: {SS: [x]}}]\n");
        assertThat(Cli.run("apply", "-f", spec.toString(), "--endpoint-url", endpoint)
                        .exitCode())
                .isZero();

        Cli.Result export = Cli.run(
                "export", table, "--format", "json", "--output-dir", dir.toString(), "--endpoint-url", endpoint);

        assertThat(export.exitCode()).isZero();
        assertThat(export.err())
                .contains("warning: " + table + ": json lost type information: 1 set written as lists; use --format"
                        + " dynamodb-json for an exact copy");
    }

    @Test
    void apply_refusesASeedFileWithABadLine_namingFileAndLine_unlessSkipBad() throws IOException {
        String table = Dynalite.uniqueTableName("badlines");
        Files.writeString(dir.resolve("rows.jsonl"), "{\"id\": \"a\"}\n{\"id\": 7}\n{\"id\": \"c\"}\n");
        Path spec = spec(table, "      files: [rows.jsonl]\n");

        Cli.Result refused = Cli.run("apply", "-f", spec.toString(), "--endpoint-url", endpoint);
        assertThat(refused.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(refused.err())
                .contains(dir.resolve("rows.jsonl") + ":2:1: has id of type N, but the table's key id is S");

        Cli.Result skipped = Cli.run("apply", "-f", spec.toString(), "--endpoint-url", endpoint, "--skip-bad");
        assertThat(skipped.exitCode()).as(skipped.err()).isZero();
        assertThat(skipped.err()).contains(table + ": skipping 1 bad line of " + dir.resolve("rows.jsonl"));
        assertThat(Cli.run("scan", table, "--endpoint-url", endpoint).out()).contains("(2 items shown)");
    }
}
