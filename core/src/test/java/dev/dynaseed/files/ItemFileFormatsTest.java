package dev.dynaseed.files;

import static dev.dynaseed.files.FileSources.file;
import static dev.dynaseed.files.FileSources.items;
import static dev.dynaseed.files.FileSources.n;
import static dev.dynaseed.files.FileSources.s;
import static dev.dynaseed.files.FileSources.scanned;
import static dev.dynaseed.files.FileSources.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.spec.ItemFileFormat;
import dev.dynaseed.spec.ItemSourceSpec;
import dev.dynaseed.spec.TableSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Each format read as its own documentation writes it, the format found from the file when not named. */
class ItemFileFormatsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void jsonArray_readsPlainItems_numbersKeepTheirDigits() throws IOException {
        Path path = write(
                "users.json",
                "[\n  {\"id\": \"a\", \"n\": 12345678901234567890.123456789, \"ok\": true,"
                        + " \"tags\": [\"x\", null], \"m\": {\"k\": \"\"}},\n  {\"id\": \"b\"}\n]\n");
        TableSpec table = table("t", file(path));

        assertThat(scanned(table).scan().orElseThrow().format()).isEqualTo(ItemFileFormat.JSON);
        assertThat(items(table))
                .containsExactly(
                        Map.of(
                                "id", s("a"),
                                "n", n("12345678901234567890.123456789"),
                                "ok", AttributeValue.fromBool(true),
                                "tags", AttributeValue.fromL(List.of(s("x"), AttributeValue.fromNul(true))),
                                "m", AttributeValue.fromM(Map.of("k", s("")))),
                        Map.of("id", s("b")));
    }

    @Test
    void jsonLines_readsOneItemPerLine_passingBlankLines() throws IOException {
        Path path = write("users.jsonl", "{\"id\": \"a\", \"n\": 1.50}\n\n{\"id\": \"b\"}\n");
        TableSpec table = table("t", file(path));

        assertThat(scanned(table).scan().orElseThrow().format()).isEqualTo(ItemFileFormat.JSONL);
        assertThat(items(table)).containsExactly(Map.of("id", s("a"), "n", n("1.50")), Map.of("id", s("b")));
    }

    @Test
    void dynamoDbJson_readsTypedItems_perLineOrInAnArray_withOrWithoutItemWrappers() throws IOException {
        String a = "{\"id\": {\"S\": \"a\"}, \"ss\": {\"SS\": [\"x\", \"y\"]}, \"b\": {\"B\": \"AQI=\"},"
                + " \"nul\": {\"NULL\": true}}";
        String b = "{\"Item\": {\"id\": {\"S\": \"b\"}, \"ns\": {\"NS\": [\"1\", \"2.5\"]}}}";
        Path lines = write("lines.txt", a + "\n" + b + "\n");
        Path array = write("array.txt", "[" + a + ",\n" + b + "]");
        Map<String, AttributeValue> first = Map.of(
                "id", s("a"),
                "ss", AttributeValue.fromSs(List.of("x", "y")),
                "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2})),
                "nul", AttributeValue.fromNul(true));
        Map<String, AttributeValue> second = Map.of("id", s("b"), "ns", AttributeValue.fromNs(List.of("1", "2.5")));

        for (Path path : List.of(lines, array)) {
            TableSpec table = table("t", file(path));
            assertThat(scanned(table).scan().orElseThrow().format()).isEqualTo(ItemFileFormat.DYNAMODB_JSON);
            assertThat(items(table)).containsExactly(first, second);
        }
    }

    @Test
    void s3Export_readsGzippedItemLines() throws IOException {
        Path path = dir.resolve("0001.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path))) {
            out.write(("{\"Item\":{\"id\":{\"S\":\"a\"},\"n\":{\"N\":\"7\"}}}\n{\"Item\":{\"id\":{\"S\":\"b\"}}}\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        TableSpec table = table("t", file(path));

        assertThat(scanned(table).scan().orElseThrow().format()).isEqualTo(ItemFileFormat.S3_EXPORT);
        assertThat(items(table)).containsExactly(Map.of("id", s("a"), "n", n("7")), Map.of("id", s("b")));
    }

    @Test
    void batchWrite_readsThisTablesPutsAndDeletes_andPassesOverOtherTables() throws IOException {
        Path path = write("requests.json", """
                {
                    "Other": [
                        {"PutRequest": {"Item": {"id": {"S": "elsewhere"}}}}
                    ],
                    "t": [
                        {"PutRequest": {"Item": {"id": {"S": "a"}, "n": {"N": "1"}}}},
                        {"DeleteRequest": {"Key": {"id": {"S": "gone"}}}},
                        {"PutRequest": {"Item": {"id": {"S": "b"}}}}
                    ]
                }
                """);
        TableSpec table = table("t", file(path));
        ItemSourceSpec.File scanned = scanned(table);

        assertThat(scanned.scan().orElseThrow().format()).isEqualTo(ItemFileFormat.BATCH_WRITE);
        assertThat(scanned.scan().orElseThrow().items()).isEqualTo(2);
        assertThat(scanned.scan().orElseThrow().deletes()).isEqualTo(1);
        assertThat(items(table)).containsExactly(Map.of("id", s("a"), "n", n("1")), Map.of("id", s("b")));
        assertThat(ItemFiles.deletes(scanned, table).next()).isEqualTo(Map.of("id", s("gone")));
    }

    @Test
    void batchWrite_namesTheTablesItHolds_whenNoneIsThisTable() throws IOException {
        Path path = write("requests.json", "{\"Music\": [{\"PutRequest\": {\"Item\": {\"id\": {\"S\": \"a\"}}}}]}");
        TableSpec table = table("t", file(path));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scanned(table))
                .hasMessageContaining(
                        "holds requests for Music, none for t; name the table to read with table:" + " Music");
    }

    @Test
    void serverlessSources_arePlainArrays_andRawSourcesTypedArrays() throws IOException {
        Path plain = write("users-seed.json", "[{\"id\": \"a\", \"age\": 30}]");
        Path raw = write("users-raw.json", "[{\"id\": {\"S\": \"a\"}, \"age\": {\"N\": \"30\"}}]");

        assertThat(items(table("t", file(plain, ItemFileFormat.SERVERLESS))))
                .containsExactly(Map.of("id", s("a"), "age", n("30")));
        assertThat(items(table("t", file(raw, ItemFileFormat.SERVERLESS_RAW))))
                .containsExactly(Map.of("id", s("a"), "age", n("30")));
    }

    @Test
    void csv_infersNumbersAndBooleans_keepsLeadingZerosAsText_andTheKeyAsItsType() throws IOException {
        Path path = write(
                "people.csv",
                "id,name,age,zip,active,note\r\n1,\"Smith, Ann\",42,007,true,\r\n2,Bob,7,100,false,\"say \"\"hi\"\"\"\r\n");
        TableSpec table = table("t", file(path));
        ItemSourceSpec.FileScan scan = scanned(table).scan().orElseThrow();

        assertThat(scan.columnTypes())
                .containsExactly(
                        Map.entry("id", ItemSourceSpec.CsvType.S),
                        Map.entry("name", ItemSourceSpec.CsvType.S),
                        Map.entry("age", ItemSourceSpec.CsvType.N),
                        Map.entry("zip", ItemSourceSpec.CsvType.S),
                        Map.entry("active", ItemSourceSpec.CsvType.BOOL),
                        Map.entry("note", ItemSourceSpec.CsvType.S));
        assertThat(scan.inferred()).containsExactly("name", "age", "zip", "active", "note");
        assertThat(items(table))
                .containsExactly(
                        Map.of(
                                "id", s("1"),
                                "name", s("Smith, Ann"),
                                "age", n("42"),
                                "zip", s("007"),
                                "active", AttributeValue.fromBool(true)),
                        Map.of(
                                "id", s("2"),
                                "name", s("Bob"),
                                "age", n("7"),
                                "zip", s("100"),
                                "active", AttributeValue.fromBool(false),
                                "note", s("say \"hi\"")));
    }

    @Test
    void csv_infersTextForEveryNumberWhoseTextDynamoDbWouldNotGiveBack_soNoCharacterIsLost() throws IOException {
        Path path = write(
                "signs.csv",
                "id,minusZero,padded,plus,trailing,exponent,fine\n1,-0,007,+5,1.50,1e3,-0.5\n2,0,8,6,2,3,10\n");
        TableSpec table = table("t", file(path));

        assertThat(scanned(table).scan().orElseThrow().columnTypes())
                .containsExactly(
                        Map.entry("id", ItemSourceSpec.CsvType.S),
                        Map.entry("minusZero", ItemSourceSpec.CsvType.S),
                        Map.entry("padded", ItemSourceSpec.CsvType.S),
                        Map.entry("plus", ItemSourceSpec.CsvType.S),
                        Map.entry("trailing", ItemSourceSpec.CsvType.S),
                        Map.entry("exponent", ItemSourceSpec.CsvType.S),
                        Map.entry("fine", ItemSourceSpec.CsvType.N));
        assertThat(items(table).get(0))
                .containsEntry("minusZero", s("-0"))
                .containsEntry("padded", s("007"))
                .containsEntry("plus", s("+5"))
                .containsEntry("fine", n("-0.5"));
    }

    @Test
    void csv_withoutHeader_usesTheSpecsColumns_andTheirTypes() throws IOException {
        Path path = write("rows.csv", "a,5,\"{\"\"SS\"\": [\"\"x\"\"]}\"\nb,6,\n");
        ItemSourceSpec.File source = new ItemSourceSpec.File(
                path,
                Optional.empty(),
                false,
                List.of("id", "n", "tags"),
                Map.of("n", ItemSourceSpec.CsvType.S, "tags", ItemSourceSpec.CsvType.JSON),
                Optional.empty(),
                Optional.empty());

        assertThat(items(table("t", source)))
                .containsExactly(
                        Map.of("id", s("a"), "n", s("5"), "tags", AttributeValue.fromSs(List.of("x"))),
                        Map.of("id", s("b"), "n", s("6")));
    }
}
