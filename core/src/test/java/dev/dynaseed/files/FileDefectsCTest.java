package dev.dynaseed.files;

import static dev.dynaseed.files.FileSources.n;
import static dev.dynaseed.files.FileSources.s;
import static dev.dynaseed.files.FileSources.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.spec.InvalidSpecException;
import dev.dynaseed.spec.ItemFileFormat;
import dev.dynaseed.spec.ItemSourceSpec;
import dev.dynaseed.spec.ItemSourceSpec.CsvType;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Files defects 3, 5a, 5b, 5c and the smaller CSV ones: CR-only line ends refused, header names kept as written,
 * {@code types:} naming no column refused, every bad cell of a row reported, and a CSV export counting exactly what a
 * reimport reads differently (no server: the codecs alone).
 */
class FileDefectsCTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static ItemSourceSpec.File csv(Path path, Map<String, CsvType> types) {
        return new ItemSourceSpec.File(
                path, Optional.of(ItemFileFormat.CSV), true, List.of(), types, Optional.empty(), Optional.empty());
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
    void csv_isRefusedNamingFileLineAndFix_whenItsLinesEndInCrAlone() throws IOException {
        Path path = write("mac.csv", "id,name\ra,x\rb,y\r");

        List<String> problems = problems(table("t", csv(path, Map.of())));

        assertThat(problems)
                .as("one problem: --skip-bad cannot help with a file whose lines cannot be told apart")
                .hasSize(1)
                .first()
                .asString()
                .startsWith("tables[0].seed.files[0]: " + path + ":1:8: holds a carriage return (CR) not followed by"
                        + " a line feed (LF); CSV lines end in CRLF or LF (RFC 4180)")
                .contains("tr '\\r' '\\n' < in.csv > out.csv")
                .doesNotContain("--skip-bad");
    }

    @Test
    void csv_keepsACrInsideAQuotedCell_andReadsCrlfAndLfLines() throws IOException {
        Path path = write("crlf.csv", "id,v\r\na,\"x\ry\"\r\nb,z\nc,\"q\"\r\n");

        assertThat(FileSources.items(table("t", csv(path, Map.of()))))
                .containsExactly(
                        Map.of("id", s("a"), "v", s("x\ry")),
                        Map.of("id", s("b"), "v", s("z")),
                        Map.of("id", s("c"), "v", s("q")));
    }

    @Test
    void csvHeader_keepsSpacesInColumnNames_asRfc4180Says() throws IOException {
        Path path = write("spaces.csv", "id, lead,trail \na,1,2\n");

        assertThat(FileSources.items(table("t", csv(path, Map.of()))))
                .containsExactly(Map.of("id", s("a"), " lead", n("1"), "trail ", n("2")));
    }

    @Test
    void csvTypes_namingNoColumn_isAProblemWithDidYouMean() throws IOException {
        Path path = write("typed.csv", "id, lead,price\na,1,2\n");

        assertThat(problems(table("t", csv(path, Map.of("lead", CsvType.N)))))
                .first()
                .asString()
                .isEqualTo("tables[0].seed.files[0]: " + path + ":1: types: names the column 'lead', but the header"
                        + " has no such column (id, lead,price); did you mean ' lead'? name a column exactly as written"
                        + " there, spaces included");
        assertThat(problems(table("t", csv(path, Map.of("nosuch", CsvType.N)))))
                .first()
                .asString()
                .contains(":1: types: names the column 'nosuch', but the header has no such column")
                .doesNotContain("did you mean");
    }

    @Test
    void csvRow_reportsEveryBadCell_notOnlyTheFirst() throws IOException {
        Path path = write("cells.csv", "id,n,b\na,x,maybe\n");

        assertThat(problems(table("t", csv(path, Map.of("n", CsvType.N, "b", CsvType.BOOL)))))
                .first()
                .asString()
                .startsWith("tables[0].seed.files[0]: " + path + ":2:3: n is \"x\", not a number")
                .contains("; at column 5: b is \"maybe\", not true or false");
    }

    private Losses export(Path file, List<Map<String, AttributeValue>> items) throws IOException {
        try (ItemFileWriter writer = ItemFileWriter.open(ItemFileFormat.CSV, file, "t")) {
            for (Map<String, AttributeValue> item : items) {
                writer.write(item);
            }
            writer.close();
            return writer.losses();
        }
    }

    private static Map<String, AttributeValue> item(String id, String name, AttributeValue value) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", s(id));
        item.put(name, value);
        return item;
    }

    @Test
    void csvExport_countsMixedTypeColumns_andTheReimportReadsThemAsOneType() throws IOException {
        Path file = dir.resolve("mixed.csv");
        List<Map<String, AttributeValue>> items = List.of(
                item("a", "v", n("5")),
                item("b", "v", s("x")),
                item("c", "w", AttributeValue.fromBool(true)),
                item("d", "w", s("y")));

        assertThat(export(file, items).describe())
                .isEqualTo("column v holds N in 1 item and S in 1: on reimport the column is read as one type (S),"
                        + " so 1 value changes type; column w holds BOOL in 1 item and S in 1: on reimport the column"
                        + " is read as one type (S), so 1 value changes type");
        assertThat(FileSources.items(table("t", csv(file, Map.of()))))
                .containsExactly(
                        Map.of("id", s("a"), "v", s("5")),
                        Map.of("id", s("b"), "v", s("x")),
                        Map.of("id", s("c"), "w", s("true")),
                        Map.of("id", s("d"), "w", s("y")));
    }

    @Test
    void csvExport_saysSetsAreWrittenAsDynamoJsonText_notAsLists() throws IOException {
        Path file = dir.resolve("sets.csv");
        List<Map<String, AttributeValue>> items = List.of(
                item("a", "tags", AttributeValue.fromSs(List.of("x", "y"))),
                item("b", "tags", AttributeValue.fromNs(List.of("1"))),
                item("c", "raw", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] {1
                }))),
                item("d", "note", s("")));

        String losses = export(file, items).describe();
        assertThat(losses)
                .isEqualTo("column tags holds SS in 1 item and NS in 1: on reimport the column is read as one type (S),"
                        + " so 2 values change type; column raw: 1 B value written as base64 text, read back as S"
                        + " unless the spec says types: {raw: B}; column note: 1 empty string left out (an empty cell"
                        + " is no attribute)")
                .doesNotContain("lists");
        assertThat(FileSources.items(table("t", csv(file, Map.of("tags", CsvType.JSON, "raw", CsvType.B)))))
                .containsExactly(
                        Map.of("id", s("a"), "tags", AttributeValue.fromSs(List.of("x", "y"))),
                        Map.of("id", s("b"), "tags", AttributeValue.fromNs(List.of("1"))),
                        Map.of(
                                "id",
                                s("c"),
                                "raw",
                                AttributeValue.fromB(
                                        software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] {1}))),
                        Map.of("id", s("d")));
    }

    @Test
    void csvExport_countsNothing_whenEveryColumnReadsBackAsWritten() throws IOException {
        Path file = dir.resolve("clean.csv");
        List<Map<String, AttributeValue>> items = List.of(
                item("a", "v", n("5")), item("b", "v", n("-1.5")), item("c", "w", s("7")), item("d", "w", s("x")));

        assertThat(export(file, items).any()).isFalse();
    }
}
