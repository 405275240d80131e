package dev.dynaseed.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.report.Report;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.spec.InvalidSpecException;
import dev.dynaseed.spec.ItemFileFormat;
import dev.dynaseed.spec.ItemSourceSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** seed.items and seed.files in spec files: read, paths relative to the spec, written before the generated items. */
class SeedFilesSpecTest {
    @TempDir
    Path dir;

    private Path spec(String table, String seed) throws IOException {
        Path file = dir.resolve("dynaseed.yaml");
        Files.writeString(
                file,
                "version: 1\ntables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n    seed:\n"
                        + seed);
        return file;
    }

    @Test
    void specFile_readsInlineItemsAndFiles_resolvingPathsAgainstTheSpecsFolder() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/users.csv"), "id,age\nc,30\n");
        Path spec = spec("users", """
                      items:
                        - {id: {S: a}, n: {N: "1.50"}}
                        - {id: {S: b}, tags: {SS: [x, y]}}
                      files:
                        - data/users.csv
                        - {path: data/more.jsonl, format: jsonl}
                """);

        List<ItemSourceSpec> sources =
                SpecReader.read(spec).tables().get(0).seed().sources();

        assertThat(sources).hasSize(3);
        assertThat(((ItemSourceSpec.Inline) sources.get(0)).items())
                .containsExactly(
                        Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1.50")),
                        Map.of("id", AttributeValue.fromS("b"), "tags", AttributeValue.fromSs(List.of("x", "y"))));
        assertThat(((ItemSourceSpec.File) sources.get(1)).path()).isEqualTo(dir.resolve("data/users.csv"));
        assertThat(((ItemSourceSpec.File) sources.get(2)).format()).contains(ItemFileFormat.JSONL);
    }

    @Test
    void specFile_namesEachBadInlineItemAndFileField_byItsPath() throws IOException {
        Path spec = spec("users", """
                      items:
                        - {id: {S: a}, n: {N: "x"}}
                      files:
                        - {path: a.csv, format: parquet}
                """);

        assertThatThrownBy(() -> SpecReader.read(spec))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("tables[0].seed.items[0]: n.N is \"x\", not a number")
                .hasMessageNotContaining("items[1]");
        Path noKey = dir.resolve("no-key.yaml");
        Files.writeString(
                noKey,
                "version: 1\ntables:\n  - name: users\n    partitionKey: {name: id, type: S}\n    seed:\n"
                        + "      items: [{id: {S: a}}, {name: {S: no key}}]\n");
        assertThatThrownBy(() -> SpecReader.read(noKey))
                .hasMessageContaining("tables[0].seed.items[1]: lacks the key attribute id (S)");
        assertThatThrownBy(() -> SpecReader.read(spec))
                .hasMessageContaining("tables[0].seed.files[0].format: 'parquet' is not an item file format; use one"
                        + " of json, jsonl, csv, dynamodb-json, batch-write, s3-export, serverless, serverless-raw");
    }

    @Test
    void misspeltFormat_getsADidYouMean_withItsLineAndColumn() throws IOException {
        Path spec = dir.resolve("typo.yaml");
        Files.writeString(
                spec,
                "version: 1\ntables:\n  - name: users\n    partitionKey: {name: id, type: S}\n    seed:\n"
                        + "      files:\n        - {path: a.jsonl, format: jsnol}\n");

        assertThatThrownBy(() -> SpecReader.read(spec))
                .hasMessageContaining(
                        "typo.yaml:7:27: tables[0].seed.files[0].format: 'jsnol' is not an item file format; did you mean"
                                + " 'jsonl'? use one of json, jsonl, csv, dynamodb-json, batch-write, s3-export, serverless,"
                                + " serverless-raw");
    }

    @Test
    void apply_writesTheSourcesItemsFirst_thenTheGeneratedOnes_andDeletesABatchWriteFilesKeys() throws IOException {
        String table = Dynalite.uniqueTableName("sourced");
        Files.writeString(
                dir.resolve("requests.json"),
                "{\"" + table + "\": [{\"PutRequest\": {\"Item\": {\"id\": {\"S\": \"from-file\"}}}},"
                        + " {\"DeleteRequest\": {\"Key\": {\"id\": {\"S\": \"inline\"}}}}]}");
        Path spec = spec(table, """
                      count: 5
                      attributes: {id: uuid4}
                      items:
                        - {id: {S: inline}}
                        - {id: {S: kept}}
                      files: [requests.json]
                """);
        Spec scanned = ItemFiles.scan(SpecReader.read(spec), spec.toString(), false);

        assertThat(scanned.tables().get(0).seed().totalItems()).isEqualTo(8);
        Report report =
                new Pipeline(Dynalite.client(), "dynalite", ApplyOptions.defaults()).apply(scanned, SeedProgress.NONE);

        assertThat(report.tables().get(0).seed().written()).isEqualTo(9);
        List<String> ids = Dynalite.client().scanPaginator(r -> r.tableName(table)).items().stream()
                .map(item -> item.get("id").s())
                .toList();
        assertThat(ids).hasSize(7).contains("kept", "from-file").doesNotContain("inline");
    }
}
