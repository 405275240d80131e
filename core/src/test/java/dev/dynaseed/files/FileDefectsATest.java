package dev.dynaseed.files;

import static dev.dynaseed.files.FileSources.file;
import static dev.dynaseed.files.FileSources.items;
import static dev.dynaseed.files.FileSources.s;
import static dev.dynaseed.files.FileSources.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.ExistingDataPolicy;
import dev.dynaseed.spec.InvalidSpecException;
import dev.dynaseed.spec.ItemFileFormat;
import dev.dynaseed.spec.ItemSourceSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SeedSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Files that were read wrongly or silently: each is now read as its format defines it, or refused in words. */
class FileDefectsATest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path gzip(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static List<String> problems(TableSpec table, boolean skipBad) {
        return problems(new Spec(List.of(table)), skipBad);
    }

    private static List<String> problems(Spec spec, boolean skipBad) {
        try {
            ItemFiles.scan(spec, "spec.yaml", skipBad);
        } catch (InvalidSpecException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("the scan found no problem");
    }

    private static String problem(TableSpec table) {
        List<String> problems = problems(table, false);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    // Defect 1: --skip-bad skips only lines the reader can read past.

    @Test
    void skipBad_failsTheTableNamingFileAndLine_whenASyntaxErrorLeavesTheRestOfAJsonArrayUnreadable()
            throws IOException {
        Path path = write("bad.json", "[{\"id\":\"a\"},\n{\"id\":\"b\" \"oops\"},\n{\"id\":\"c\"},\n{\"id\":\"d\"}]");

        List<String> problems = problems(table("t", file(path)), true);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0))
                .startsWith("tables[0].seed.files[0]: " + path + ":2:")
                .contains("is not valid JSON")
                .endsWith(
                        "; --skip-bad cannot skip it, as nothing after it in the file can be read (it skips only lines it"
                                + " can read past); fix the file there, or fetch it again if it was cut short");
    }

    @Test
    void skipBad_failsTheTable_whenAGzipExportIsCutShort() throws IOException {
        StringBuilder lines = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 30_000; i++) {
            lines.append("{\"Item\":{\"id\":{\"S\":\"item-")
                    .append(i)
                    .append("\"},\"r\":{\"S\":\"")
                    .append(Long.toHexString(random.nextLong()))
                    .append("\"}}}\n");
        }
        byte[] whole = Files.readAllBytes(gzip("whole.json.gz", lines.toString()));
        Path cut = dir.resolve("cut.json.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));

        List<String> problems = problems(table("t", file(cut)), true);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0))
                .startsWith("tables[0].seed.files[0]: " + cut + ":")
                .contains("ends in the middle of its gzip data")
                .contains("--skip-bad cannot skip it");
    }

    @Test
    void skipBad_stillSkipsLinesItCanReadPast() throws IOException {
        Path path = write("some.jsonl", "{\"id\":\"a\"}\n{\"id\":\"b\" \"oops\"}\n{\"id\":\"c\"}\n");

        assertThat(items(table("t", file(path)))).containsExactly(Map.of("id", s("a")), Map.of("id", s("c")));
    }

    // Defect 2: one batch-write file may not put and delete one key.

    @Test
    void scan_refusesABatchWriteFile_thatPutsAndDeletesOneKey_namingLineKeyAndRule() throws IOException {
        Path path = write(
                "bwx.json",
                "{\"t\":[\n{\"DeleteRequest\":{\"Key\":{\"id\":{\"S\":\"x\"}}}},\n"
                        + "{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"x\"},\"v\":{\"S\":\"new\"}}}}]}");

        assertThat(problem(table("t", file(path))))
                .isEqualTo("tables[0].seed.files[0]: " + path + ":3: puts the key id \"x\", which line 2 deletes;"
                        + " BatchWriteItem refuses a request that puts and deletes one item (the AWS CLI refuses"
                        + " this file too); keep either the PutRequest or the DeleteRequest");
    }

    @Test
    void scan_refusesABatchWriteFile_thatDeletesAKeyItPutEarlier() throws IOException {
        Path path = write(
                "bwy.json",
                "{\"t\":[{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"x\"}}}},"
                        + "{\"DeleteRequest\":{\"Key\":{\"id\":{\"S\":\"x\"}}}}]}");

        assertThat(problem(table("t", file(path)))).contains(":1: puts the key id \"x\", which line 1 deletes");
    }

    @Test
    void scan_refusesABatchWriteFile_thatPutsAndDeletesOneNumberKey_writtenTwoWays() throws IOException {
        Path path = write(
                "bwn.json",
                "{\"t\":[\n{\"DeleteRequest\":{\"Key\":{\"id\":{\"N\":\"5\"}}}},\n"
                        + "{\"PutRequest\":{\"Item\":{\"id\":{\"N\":\"5.00\"}}}}]}");
        TableSpec numbered = TableSpec.builder("t", new KeySpec("id", KeyType.N))
                .billing(new BillingSpec.PayPerRequest())
                .seed(new SeedSpec(
                        0,
                        ExistingDataPolicy.APPEND,
                        Optional.empty(),
                        Optional.empty(),
                        Map.of(),
                        List.of(file(path))))
                .build();

        // DynamoDB stores 5.00 as 5: one item, so the request is refused as for a key written alike.
        assertThat(problem(numbered)).contains(":3: puts the key id 5.00, which line 2 deletes");
    }

    // Defect 7: other export variants are named, or read as documented.

    @Test
    void scan_namesDynamoDbsIonExport_byItsFirstLineAndByItsName() throws IOException {
        Path lines = gzip("abc.json.gz", "$ion_1_0 {Item:{id:\"a\"}}\n");
        Path named = write("plain.ion", "{Item:{id:\"a\"}}\n");

        assertThat(problem(table("t", file(lines))))
                .contains("is in DynamoDB's ION export format, which dynaseed does not read")
                .contains("DYNAMODB_JSON");
        assertThat(problem(table("t", file(named)))).contains("ION export format");
    }

    @Test
    void scan_saysAnExportManifestIsNotItems_andToGiveTheDataFiles() throws IOException {
        Path summary = write(
                "manifest-summary.json",
                "{\"version\":\"2020-06-30\",\"exportArn\":\"arn:aws:dynamodb:us-east-1:1:table/T/export/1\"}");
        Path files = write(
                "any-name.json",
                "{\"itemCount\":3,\"md5Checksum\":\"x\",\"etag\":\"y\",\"dataFileS3Key\":\"AWSDynamoDB/1/data/a.json.gz\"}\n");

        assertThat(problem(table("t", file(summary)))).contains("is a manifest of a DynamoDB export to S3, not items");
        assertThat(problem(table("t", file(files)))).contains("data/abc123.json.gz");
    }

    @Test
    void scan_readsItemsThatMerelyHaveAnAttributeNamedLikeAManifestField() throws IOException {
        Path path = write("arns.jsonl", "{\"id\":\"a\",\"exportArn\":\"arn:x\",\"dataFileS3Key\":\"k\"}\n");

        assertThat(items(table("t", file(path))))
                .containsExactly(Map.of("id", s("a"), "exportArn", s("arn:x"), "dataFileS3Key", s("k")));
    }

    @Test
    void incrementalExport_readsNewImagesAsPuts_andKeysWithoutNewImageAsDeletes() throws IOException {
        Path path = gzip(
                "incr.json.gz",
                "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1680109764000000\"}},\"Keys\":{\"id\":{\"S\":\"a\"}},"
                        + "\"OldImage\":{\"id\":{\"S\":\"a\"},\"v\":{\"S\":\"old\"}},"
                        + "\"NewImage\":{\"id\":{\"S\":\"a\"},\"v\":{\"S\":\"new\"}}}\n"
                        + "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1680109764000001\"}},"
                        + "\"Keys\":{\"id\":{\"S\":\"b\"}},\"OldImage\":{\"id\":{\"S\":\"b\"}}}\n");
        TableSpec table = table("t", file(path));

        ItemSourceSpec.File scanned = FileSources.scanned(table);
        List<Map<String, AttributeValue>> deletes = new ArrayList<>();
        for (Iterator<Map<String, AttributeValue>> it = ItemFiles.deletes(scanned, table); it.hasNext(); ) {
            deletes.add(it.next());
        }

        assertThat(scanned.scan().orElseThrow().format()).isEqualTo(ItemFileFormat.S3_EXPORT);
        assertThat(scanned.scan().orElseThrow().badLines()).isZero();
        assertThat(items(table)).containsExactly(Map.of("id", s("a"), "v", s("new")));
        assertThat(deletes).containsExactly(Map.of("id", s("b")));
    }

    // Defect 8: the name before .gz decides the format.

    @Test
    void detect_readsTheNameBeforeGz_csvGzIsCsv_andJsonlGzIsJsonLines() throws IOException {
        Path csv = gzip("data.csv.gz", "id,name\na,x\n");
        Path jsonl = gzip("data.jsonl.gz", "{\"id\":\"b\",\"n\":1}\n");

        assertThat(ItemFiles.detect(csv)).isEqualTo(ItemFileFormat.CSV);
        assertThat(ItemFiles.detect(jsonl)).isEqualTo(ItemFileFormat.JSONL);
        assertThat(items(table("t", file(csv)))).containsExactly(Map.of("id", s("a"), "name", s("x")));
        assertThat(items(table("t", file(jsonl)))).containsExactly(Map.of("id", s("b"), "n", FileSources.n("1")));
    }

    @Test
    void detect_stillReadsAnS3ExportDataFile_asS3Export() throws IOException {
        Path path = gzip("abc.json.gz", "{\"Item\":{\"id\":{\"S\":\"a\"}}}\n");

        assertThat(ItemFiles.detect(path)).isEqualTo(ItemFileFormat.S3_EXPORT);
        assertThat(items(table("t", file(path)))).containsExactly(Map.of("id", s("a")));
    }

    // Defect 10: empty files are refused, naming the file.

    @Test
    void scan_refusesZeroByteFiles_ofEveryName_sayingTheyAreEmpty() throws IOException {
        for (String name : List.of("empty.json", "empty.csv", "empty.jsonl", "empty.json.gz")) {
            Path path = write(name, "");

            assertThat(problem(table("t", file(path))))
                    .as(name)
                    .isEqualTo("tables[0].seed.files[0]: " + path + " is empty (0 bytes; a failed download or"
                            + " export?); give a file that holds items, or take it out of seed.files");
        }
    }

    @Test
    void scan_refusesACsvWithoutAHeader_whenItHoldsOnlyBlankLines() throws IOException {
        Path path = write("blank.csv", "\n\n  \n");

        assertThat(problem(table("t", file(path)))).contains(path + " holds no items, only blank space");
    }

    @Test
    void scan_takesAGzipOfNothing_asDynamoDbsExportWritesOnePerEmptyPartition() throws IOException {
        Path path = gzip("empty-partition.json.gz", "");

        assertThat(items(table("t", file(path, ItemFileFormat.S3_EXPORT)))).isEmpty();
    }

    // Defect 14: batch-write files are told apart and their messages name what the spec asked.

    @Test
    void detect_takesAnObjectOfEmptyListsOrUpdateRequests_asABatchWriteFile() throws IOException {
        Path empty = write("empty-lists.json", "{\"Music\":[]}\n");
        Path update = write("update.json", "{\"Music\":[{\"UpdateRequest\":{\"Key\":{\"id\":{\"S\":\"a\"}}}}]}\n");
        Path multiLine = write(
                "update-lines.json",
                "{\n \"Music\": [\n  {\"UpdateRequest\": {\"Key\": {\"id\": {\"S\": \"a\"}}}}\n ]\n}\n");

        assertThat(ItemFiles.detect(empty)).isEqualTo(ItemFileFormat.BATCH_WRITE);
        assertThat(ItemFiles.detect(update)).isEqualTo(ItemFileFormat.BATCH_WRITE);
        assertThat(ItemFiles.detect(multiLine)).isEqualTo(ItemFileFormat.BATCH_WRITE);
        assertThat(problems(table("Music", file(update)), false).get(0))
                .contains(update + ":1:")
                .contains("holds an UpdateRequest, which BatchWriteItem does not take");
    }

    @Test
    void scan_namesTheTableGivenWithTable_whenTheFileHasNoRequestsForIt() throws IOException {
        Path path = write("req.json", "{\"Music\":[{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"a\"}}}}]}");
        ItemSourceSpec.File source = new ItemSourceSpec.File(
                path, Optional.empty(), true, List.of(), Map.of(), Optional.of("Nope"), Optional.empty());

        assertThat(problem(table("Third", source))).contains("holds requests for Music, none for Nope");
    }

    @Test
    void unappliedRequests_namesRequestsForTablesNoTableReads() throws IOException {
        Path path = write(
                "req.json",
                "{\"Music\":[{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"a\"}}}}],"
                        + "\"Other\":[{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"b\"}}}},"
                        + "{\"DeleteRequest\":{\"Key\":{\"id\":{\"S\":\"c\"}}}}]}");
        Spec scanned = ItemFiles.scan(new Spec(List.of(table("Music", file(path)))), "spec.yaml", false);

        assertThat(ItemFiles.unappliedRequests(scanned))
                .containsExactly(path + ": 2 requests for table Other were not applied: the spec has no table Other"
                        + " (add the table, or give table: Other to read them into another)");
    }

    @Test
    void scan_refusesALinesFileOfIncrementalExport_thatPutsAndDeletesOneKey() throws IOException {
        Path path = write(
                "incr.jsonl",
                "{\"Metadata\":{},\"Keys\":{\"id\":{\"S\":\"a\"}},\"NewImage\":{\"id\":{\"S\":\"a\"}}}\n"
                        + "{\"Metadata\":{},\"Keys\":{\"id\":{\"S\":\"a\"}}}\n");

        assertThatThrownBy(() -> ItemFiles.scan(new Spec(List.of(table("t", file(path)))), "s", false))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining(path + ":1: puts the key id \"a\", which line 2 deletes");
    }
}
