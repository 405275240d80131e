package dev.dynaseed.files;

import static dev.dynaseed.files.FileSources.file;
import static dev.dynaseed.files.FileSources.items;
import static dev.dynaseed.files.FileSources.s;
import static dev.dynaseed.files.FileSources.scanned;
import static dev.dynaseed.files.FileSources.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynaseed.spec.InvalidSpecException;
import dev.dynaseed.spec.ItemFileFormat;
import dev.dynaseed.spec.ItemSourceSpec;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad lines are named by file:line and why; hostile files are refused in words, never by a stack trace. */
class BadLinesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> problems(TableSpec table) {
        try {
            ItemFiles.scan(new Spec(List.of(table)), "spec.yaml", false);
        } catch (InvalidSpecException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("the scan found no problem");
    }

    @Test
    void scan_refusesTheFile_namingEachBadLineByFileAndLine_whenNotSkippingBadLines() throws IOException {
        Path path = write(
                "users.jsonl",
                "{\"id\": \"a\"}\n{\"id\": \"b\"\n{\"name\": \"no key\"}\n{\"id\": 5}\n{\"id\": \"c\", \"n\": 1e999}\n");

        assertThat(problems(table("t", file(path))))
                .containsExactly(
                        "tables[0].seed.files[0]: " + path + ":2:11: is not valid JSON: the text ends before"
                                + " its object is closed with } (a cut line or file?)",
                        "tables[0].seed.files[0]: " + path
                                + ":3:1: lacks the key attribute id (S); every item needs the table's keys",
                        "tables[0].seed.files[0]: " + path
                                + ":4:1: has id of type N, but the table's key id is S; give it as S",
                        "tables[0].seed.files[0]: " + path
                                + ":5:1: n: 1E+999 is out of range; DynamoDB numbers lie between -1E+126 and 1E+126",
                        "tables[0].seed.files[0]: " + path + ": nothing is written while a seed file has bad lines;"
                                + " fix them, or pass --skip-bad to write the others and count the bad ones");
    }

    @Test
    void skipBad_countsTheBadLines_andReadsTheOthers() throws IOException {
        Path path = write("users.jsonl", "{\"id\": \"a\"}\nnot json\n{\"id\": \"b\"}\n");
        TableSpec table = table("t", file(path));

        ItemSourceSpec.FileScan scan = scanned(table).scan().orElseThrow();
        assertThat(scan.items()).isEqualTo(2);
        assertThat(scan.badLines()).isEqualTo(1);
        assertThat(scan.bad()).singleElement().asString().startsWith(path + ":2:1: is not valid JSON");
        assertThat(items(table)).containsExactly(Map.of("id", s("a")), Map.of("id", s("b")));
    }

    @Test
    void arrayElements_areNamedByTheLineTheyStartOn() throws IOException {
        Path path = write("users.json", "[\n  {\"id\": \"a\"},\n  {\"id\": {\"S\": 1}},\n  {\"id\": \"c\"}\n]\n");

        assertThat(problems(table("t", file(path))))
                .first()
                .asString()
                .contains(path + ":3:3: has id of type M, but the table's key id is S");
    }

    @Test
    void everyBadValue_isNamedByFileLineAndColumn_inEachFormat() throws IOException {
        Path csv = write("rows.csv", "id,n,flag\na,1,true\nb,zz,true\n\"c\",2,maybe\n");
        Path array = write("rows.json", "[\n  {\"id\": \"a\"},\n  {\"id\": \"b\", \"x\": tru}\n]\n");
        Path lines = write("rows.jsonl", "{\"id\": \"a\"}\n   {\"id\": 7}\n{\"id\": \"c\",, }\n");
        Path batch = write(
                "rows.batch.json",
                "{\"t\": [\n  {\"PutRequest\": {\"Item\": {\"id\": {\"S\": \"a\"}}}},\n  {\"Oops\": 1}\n]}\n");
        ItemSourceSpec.File typedCsv = new ItemSourceSpec.File(
                csv,
                java.util.Optional.empty(),
                true,
                List.of(),
                Map.of("n", ItemSourceSpec.CsvType.N, "flag", ItemSourceSpec.CsvType.BOOL),
                java.util.Optional.empty(),
                java.util.Optional.empty());

        assertThat(problems(table("t", typedCsv)))
                .startsWith(
                        "tables[0].seed.files[0]: " + csv
                                + ":3:3: n is \"zz\", not a number; write e.g. \"42\" or \"-1.5\"",
                        "tables[0].seed.files[0]: " + csv + ":4:7: flag is \"maybe\", not true or false");
        assertThat(problems(table("t", file(array))))
                .first()
                .asString()
                .startsWith(
                        "tables[0].seed.files[0]: " + array + ":3:20: is not valid JSON: found 'tru' where a value");
        assertThat(problems(table("t", file(lines))))
                .startsWith(
                        "tables[0].seed.files[0]: " + lines + ":2:4: has id of type N, but the table's key id is S;"
                                + " give it as S",
                        "tables[0].seed.files[0]: " + lines + ":3:12: is not valid JSON: found ',' where a key in"
                                + " double quotes was expected (\"name\": value)");
        assertThat(problems(table("t", file(batch, ItemFileFormat.BATCH_WRITE))))
                .first()
                .asString()
                .startsWith("tables[0].seed.files[0]: " + batch + ":3:3: is an object {\"Oops\":1}, not a request");
    }

    @Test
    void missingFile_isAProblemOfTheSpec_beforeAnythingIsSent() {
        Path path = dir.resolve("nowhere.jsonl");

        assertThat(problems(table("t", file(path))))
                .containsExactly("tables[0].seed.files[0]: " + path
                        + " does not exist; check the path (relative paths start at the spec file's folder)");
    }

    @Test
    void truncatedGzip_isReportedAsCut_afterTheItemsBeforeIt() throws IOException {
        Path whole = dir.resolve("whole.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            for (int i = 0; i < 2000; i++) {
                out.write(("{\"Item\":{\"id\":{\"S\":\"item-" + i + "\"}}}\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.json.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

        List<String> problems = problems(table("t", file(cut)));
        assertThat(problems.get(0))
                .contains(cut.toString())
                .endsWith("the file ends in the middle of its gzip data (a truncated download?); fetch it again");
    }

    @Test
    void binaryGarbage_isRefusedAsNotText() throws IOException {
        Path path = dir.resolve("garbage.jsonl");
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = '{';
        Files.write(path, garbage);

        assertThat(problems(table("t", file(path, ItemFileFormat.JSONL))))
                .anySatisfy(problem -> assertThat(problem).contains("is not UTF-8 text"));
    }

    @Test
    void hugeLine_isABadLine_withoutBeingHeld_andTheNextLinesAreRead() throws IOException {
        Path path = dir.resolve("huge.jsonl");
        try (OutputStream out = Files.newOutputStream(path)) {
            out.write("{\"id\": \"a\"}\n{\"id\": \"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 48; i++) {
                out.write(chunk);
            }
            out.write("\"}\n{\"id\": \"b\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        TableSpec table = table("t", file(path, ItemFileFormat.JSONL));

        ItemSourceSpec.FileScan scan = scanned(table).scan().orElseThrow();
        assertThat(scan.bad())
                .containsExactly(path + ":2: is longer than 1048576 characters; no item of DynamoDB's 400 KB needs"
                        + " that much (one item per line?)");
        assertThat(items(table)).containsExactly(Map.of("id", s("a")), Map.of("id", s("b")));
    }

    @Test
    void itemOver400Kb_isABadLine() throws IOException {
        Path path = write("big.jsonl", "{\"id\": \"a\", \"blob\": \"" + "y".repeat(410 * 1024) + "\"}\n");

        assertThat(problems(table("t", file(path))).get(0))
                .endsWith(":1: is an item of 419847 bytes, over DynamoDB's limit of 400 KB (409600 bytes)");
    }

    @Test
    void byteOrderMark_andCrLf_areRead() throws IOException {
        Path jsonl = dir.resolve("bom.jsonl");
        Files.write(jsonl, ("\uFEFF{\"id\": \"a\"}\r\n{\"id\": \"b\"}\r\n").getBytes(StandardCharsets.UTF_8));
        Path csv = dir.resolve("bom.csv");
        Files.write(csv, ("\uFEFFid,n\r\na,1\r\n").getBytes(StandardCharsets.UTF_8));
        Path array = dir.resolve("bom.json");
        Files.write(array, ("\uFEFF[\r\n{\"id\": \"a\"}\r\n]\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(items(table("t", file(jsonl)))).containsExactly(Map.of("id", s("a")), Map.of("id", s("b")));
        assertThat(items(table("t", file(csv)))).containsExactly(Map.of("id", s("a"), "n", FileSources.n("1")));
        assertThat(items(table("t", file(array)))).containsExactly(Map.of("id", s("a")));
    }

    @Test
    void csvRow_withMoreCellsThanColumns_isABadLine_namingTheColumns() throws IOException {
        Path path = write("rows.csv", "id,name\na,b\nc,d,e\n");

        assertThat(problems(table("t", file(path))).get(0))
                .endsWith(":3:5: has 3 cells, but there are 2 columns (id,name); quote cells that hold commas");
    }

    @Test
    void fileChangedAfterTheScan_stopsReading_insteadOfWritingOtherItems() throws IOException {
        Path path = write("users.jsonl", "{\"id\": \"a\"}\n");
        TableSpec table = table("t", file(path));
        ItemSourceSpec.File scanned = scanned(table);
        Files.writeString(path, "{\"id\": \"a\"}\n{\"id\": \"b\"}\n");

        assertThatThrownBy(() -> ItemFiles.items(scanned, table).hasNext())
                .isInstanceOf(ItemFileException.class)
                .hasMessageContaining("changed since it was checked");
    }
}
