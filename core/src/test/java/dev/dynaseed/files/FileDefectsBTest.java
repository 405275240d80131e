package dev.dynaseed.files;

import static dev.dynaseed.files.FileSources.file;
import static dev.dynaseed.files.FileSources.items;
import static dev.dynaseed.files.FileSources.n;
import static dev.dynaseed.files.FileSources.s;
import static dev.dynaseed.files.FileSources.scanned;
import static dev.dynaseed.files.FileSources.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Numbers, wrappers, names, duplicate keys and encodings in item files: read as DynamoDB reads them, or refused. */
class FileDefectsBTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
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

    /** The first problem, without the spec path before the file. */
    private static String problem(TableSpec table) {
        return problems(table).get(0).replaceFirst("^tables\\[0\\]\\.seed\\.files\\[0\\]: ", "");
    }

    private static ItemSourceSpec.File typedCsv(Path path, Map<String, ItemSourceSpec.CsvType> types) {
        return new ItemSourceSpec.File(
                path, Optional.empty(), true, List.of(), types, Optional.empty(), Optional.empty());
    }

    private static TableSpec keyedBy(String key, ItemSourceSpec source) {
        return TableSpec.builder("t", new KeySpec(key, KeyType.S))
                .billing(new BillingSpec.PayPerRequest())
                .seed(new SeedSpec(
                        0, ExistingDataPolicy.APPEND, Optional.empty(), Optional.empty(), Map.of(), List.of(source)))
                .build();
    }

    // Defect 4: "+5" is 5 to DynamoDB; the engine is sent the number without its sign.

    @Test
    void numbersWithALeadingPlus_areSentWithoutIt_inTypedNumbersSetsAndCsvCellsTypedN() throws IOException {
        Path typed = write(
                "typed.jsonl",
                "{\"id\": {\"S\": \"a\"}, \"n\": {\"N\": \"+5\"}, \"ns\": {\"NS\": [\"+1.50\", \"2\"]},"
                        + " \"l\": {\"L\": [{\"N\": \" +7 \"}]}}\n");
        Path csv = write("plus.csv", "id,n\na,+5\nb,-3\n");

        assertThat(items(table("t", file(typed))))
                .containsExactly(Map.of(
                        "id", s("a"),
                        "n", n("5"),
                        "ns", AttributeValue.fromNs(List.of("1.50", "2")),
                        "l", AttributeValue.fromL(List.of(n("7")))));
        assertThat(items(table("t", typedCsv(csv, Map.of("n", ItemSourceSpec.CsvType.N)))))
                .containsExactly(Map.of("id", s("a"), "n", n("5")), Map.of("id", s("b"), "n", n("-3")));
    }

    @Test
    void inlineSpecItems_withALeadingPlus_areNormalisedToo() throws Exception {
        JsonNode node = ItemJson.ONE_VALUE.readTree("{\"id\": {\"S\": \"a\"}, \"n\": {\"N\": \"+7\"}}");

        assertThat(DynamoJson.item(node)).containsEntry("n", n("7"));
    }

    // Defect 5d: every number DynamoDB stores stays a number, whatever its written length.

    @Test
    void canonical_holdsEveryNumberDynamoDbStores_whateverItsLength() {
        String largest = "-" + "9".repeat(38) + "0".repeat(126 - 38);
        String smallest = "-0." + "0".repeat(129) + "1234567890".repeat(3) + "12345678";

        assertThat(Numbers.canonical("-1" + "0".repeat(125))).isTrue();
        assertThat(Numbers.canonical(largest)).isTrue();
        assertThat(Numbers.canonical(smallest)).isTrue();
        assertThat(smallest).hasSize(Numbers.MAX_CANONICAL_CHARS);
        assertThat(Numbers.canonical("1" + "0".repeat(126))).isFalse();
        assertThat(Numbers.canonical("0." + "0".repeat(130) + "1")).isFalse();
    }

    @Test
    void csvInference_keepsALongNumberAColumnOfNumbers() throws IOException {
        String big = "-1" + "0".repeat(125);
        Path csv = write("long.csv", "id,n\na," + big + "\nb,2\n");

        TableSpec table = table("t", file(csv));
        assertThat(scanned(table).scan().orElseThrow().columnTypes()).containsEntry("n", ItemSourceSpec.CsvType.N);
        assertThat(items(table)).first().isEqualTo(Map.of("id", s("a"), "n", n(big)));
    }

    // Defect 9: {"Item": {"S": "abc"}} is an item of one attribute named Item, not the S3 export wrapper.

    @Test
    void itemAttribute_whoseValueIsATypedValue_isAnAttribute_notTheExportWrapper() throws IOException {
        Path path = write("items.json", "{\"Item\":{\"S\":\"abc\"}}\n{\"Item\":{\"S\":\"def\"},\"n\":{\"N\":\"1\"}}\n");

        assertThat(ItemFiles.detect(path)).isEqualTo(ItemFileFormat.DYNAMODB_JSON);
        assertThat(items(keyedBy("Item", file(path))))
                .containsExactly(Map.of("Item", s("abc")), Map.of("Item", s("def"), "n", n("1")));
    }

    @Test
    void exportWrapper_whoseValueIsAnItem_isUnwrapped() throws IOException {
        Path path = write("export.json", "{\"Item\":{\"id\":{\"S\":\"a\"},\"S\":{\"S\":\"x\"}}}\n");

        assertThat(ItemFiles.detect(path)).isEqualTo(ItemFileFormat.DYNAMODB_JSON);
        assertThat(items(table("t", file(path)))).containsExactly(Map.of("id", s("a"), "S", s("x")));
        assertThat(problem(table(
                        "t", file(write("bad.json", "{\"Item\":{\"N\":\"x\"}}\n"), ItemFileFormat.DYNAMODB_JSON))))
                .endsWith(":1:1: Item.N is \"x\", not a number; write e.g. \"42\" or \"-1.5\"");
    }

    // Defect 11: no Jackson names or settings reach the user; the line and column are given.

    @Test
    void trailingValueOnALine_isNamedInPlainWords_withItsColumn() throws IOException {
        Path path = write("two.jsonl", "{\"id\":\"a\"}\n{\"id\":\"b\"} {\"id\":\"c\"}\n");

        assertThat(problem(table("t", file(path))))
                .isEqualTo(path + ":2:12: is not valid JSON: another value follows the first one (two items on one"
                        + " line?); write one item per line");
    }

    @Test
    void comments_areNamedInPlainWords_withTheirColumn() throws IOException {
        Path path = write("c.jsonl", "{\"id\":\"a\"} // first\n");
        Path array = write("c.json", "[\n{\"id\":\"a\"},\n/* second */ {\"id\":\"b\"}\n]\n");

        assertThat(problem(table("t", file(path, ItemFileFormat.JSONL))))
                .isEqualTo(path + ":1:12: is not valid JSON: it holds a comment, which JSON does not allow;"
                        + " remove the comment");
        assertThat(problem(table("t", file(array))))
                .startsWith(array + ":3:1: is not valid JSON: it holds a comment, which JSON does not allow");
    }

    @Test
    void overLongString_inAnArray_isNamedWhereItStarts_withTheLimitInWords() throws IOException {
        String big = "x".repeat(LineReader.MAX_LINE_CHARS + 10);
        Path path = write("big.json", "[{\"id\":\"a\"},\n{\"id\":\"b\",\"v\":\"" + big + "\"}]");

        String problem = problem(table("t", file(path)));
        assertThat(problem)
                .startsWith(path + ":2:15: holds a string (starting here) longer than 1048576 characters; no"
                        + " DynamoDB item (at most 400 KB) holds one that long")
                .doesNotContain("StreamReadConstraints", "`", "Source:");
    }

    @Test
    void jacksonNames_neverReachTheMessages() throws IOException {
        Path path = write(
                "many.jsonl",
                "{\"id\":\"a\",}\n{\"id\":\"a\"\n{id:1}\n{\"id\":tru}\n{\"id\":01}\n{\"id\":NaN}\n{\"id\":\"\\q\"}\n"
                        + "]\n{\"id\":\"a\u0001\"}\n{\"id\":\"a\" \"v\":1}\n");

        List<String> problems = problems(table("t", file(path, ItemFileFormat.JSONL)));
        assertThat(problems).hasSizeGreaterThan(9);
        assertThat(problems.subList(0, 10))
                .allSatisfy(
                        p -> assertThat(p).doesNotContain("`", "Feature", "(code", "CTRL-CHAR", "Source:", "token"));
        assertThat(problems.get(3)).contains(":4:7: is not valid JSON: found 'tru' where a value was expected");
        assertThat(problems.get(8)).contains(":9:9: is not valid JSON: a string holds the control character U+0001");
        assertThat(problems.get(9)).contains(":10:11: is not valid JSON: found '\"' where a comma between two entries");
    }

    // Defect 13: text that is not UTF-8 is named by line and byte offset, with the command that converts it.

    @Test
    void invalidUtf8_namesTheLineAndByteOffset() throws IOException {
        byte[] first = "{\"id\":\"a\",\"v\":\"ok\"}\n{\"id\":\"b\",\"v\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] rest = " bad\"}\n{\"id\":\"c\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[first.length + 2 + rest.length];
        System.arraycopy(first, 0, bytes, 0, first.length);
        bytes[first.length] = (byte) 0xff;
        bytes[first.length + 1] = (byte) 0xfe;
        System.arraycopy(rest, 0, bytes, first.length + 2, rest.length);
        Path path = write("badutf8.jsonl", bytes);

        assertThat(problem(table("t", file(path))))
                .isEqualTo(path + ":2: is not UTF-8 text: line 2 holds the byte 0xFF (byte offset " + first.length
                        + "), which is not UTF-8; if the file is Latin-1, convert it: iconv -f LATIN1 -t UTF-8"
                        + " badutf8.jsonl > badutf8.utf8.jsonl");
    }

    @Test
    void invalidUtf8_inAJsonArray_namesTheByteAndItsOffset_inWords() throws IOException {
        byte[] start = "[{\"id\":\"a\"},\n{\"id\":\"caf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[start.length + 4];
        System.arraycopy(start, 0, bytes, 0, start.length);
        bytes[start.length] = (byte) 0xe9;
        bytes[start.length + 1] = '"';
        bytes[start.length + 2] = '}';
        bytes[start.length + 3] = ']';
        Path path = write("latin1.json", bytes);

        assertThat(problem(table("t", file(path, ItemFileFormat.JSON))))
                .startsWith(path + ":2:")
                .contains("is not UTF-8 text: the byte")
                .contains("if the file is Latin-1, convert it: iconv -f LATIN1 -t UTF-8")
                .doesNotContain("Invalid UTF-8");
    }

    @Test
    void latin1Csv_isNamedAsNotUtf8_withTheConversion() throws IOException {
        Path path = write("latin1.csv", "id,name\na,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(problem(table("t", file(path))))
                .contains("is not UTF-8 text: line 2 holds the byte 0xE9 (byte offset 13)")
                .endsWith("iconv -f LATIN1 -t UTF-8 latin1.csv > latin1.utf8.csv");
    }

    @Test
    void utf16File_isNamedAsUtf16_withTheConversion() throws IOException {
        Path bom = write("utf16.jsonl", "\uFEFF{\"id\":\"a\"}\n".getBytes(StandardCharsets.UTF_16LE));
        Path bare = write("bare.jsonl", "{\"id\":\"a\"}\n".getBytes(StandardCharsets.UTF_16LE));

        assertThat(problem(table("t", file(bom))))
                .isEqualTo(bom + " is UTF-16 text (it starts with a UTF-16 byte order mark), not UTF-8; convert it:"
                        + " iconv -f UTF-16 -t UTF-8 utf16.jsonl > utf16.utf8.jsonl");
        assertThat(problem(table("t", file(bare, ItemFileFormat.JSONL))))
                .endsWith("is UTF-16LE text (every other byte is 0), not UTF-8; convert it: iconv -f UTF-16LE -t UTF-8"
                        + " bare.jsonl > bare.utf8.jsonl");
    }

    // Defect 15: a key given twice in one object is refused, never last-wins.

    @Test
    void duplicateKeys_areRefused_inPlainItemsTypedItemsAndTypedMaps() throws IOException {
        Path plain = write("dup.jsonl", "{\"id\":\"a\",\"v\":1,\"v\":2}\n");
        Path typed =
                write("dupm.jsonl", "{\"id\":{\"S\":\"a\"},\"m\":{\"M\":{\"x\":{\"S\":\"1\"},\"x\":{\"S\":\"2\"}}}}\n");
        Path descriptor = write("dupd.jsonl", "{\"id\":{\"S\":\"a\"},\"v\":{\"S\":\"1\",\"S\":\"2\"}}\n");

        assertThat(problem(table("t", file(plain))))
                .isEqualTo(plain + ":1:1: holds the key \"v\" twice in one object; JSON readers keep only one of the"
                        + " two values (which one differs): remove the other");
        assertThat(problem(table("t", file(typed)))).startsWith(typed + ":1:1: m.M holds the key \"x\" twice");
        assertThat(problem(table("t", file(descriptor)))).startsWith(descriptor + ":1:1: v holds the key \"S\" twice");
    }

    @Test
    void duplicateKeys_areRefused_inArraysAndBatchWriteFiles_whereTheSecondKeyStands() throws IOException {
        Path array = write("dup.json", "[{\"id\":\"a\"},\n {\"id\":\"b\",\"v\":1,\"v\":2}]\n");
        Path batch = write(
                "dupt.json",
                "{\"t\":[{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"a\"}}}}],\n"
                        + " \"t\":[{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"b\"}}}}]}\n");

        assertThat(problem(table("t", file(array)))).startsWith(array + ":2:21: holds the key \"v\" twice");
        assertThat(problem(table("t", file(batch, ItemFileFormat.BATCH_WRITE))))
                .startsWith(batch + ":2:5: holds the key \"t\" twice");
    }

    // Defect 16: DynamoDB names hold at least one character.

    @Test
    void emptyAttributeNames_areRefused_atTheTopAndInsideMaps() throws IOException {
        Path plain = write("e.jsonl", "{\"id\":\"a\",\"\":\"x\"}\n{\"id\":\"b\",\"m\":{\"\":1}}\n");
        Path typed = write(
                "et.jsonl",
                "{\"id\":{\"S\":\"a\"},\"\":{\"S\":\"x\"}}\n{\"id\":{\"S\":\"b\"},\"m\":{\"M\":{\"\":{\"N\":\"1\"}}}}\n");

        assertThat(problems(table("t", file(plain))).subList(0, 2))
                .containsExactly(
                        "tables[0].seed.files[0]: " + plain + ":1:1: has an attribute named \"\" (empty); DynamoDB"
                                + " names hold at least one character: give it a name",
                        "tables[0].seed.files[0]: " + plain + ":2:1: m has a member named \"\" (empty); DynamoDB"
                                + " names hold at least one character: give it a name");
        assertThat(problems(table("t", file(typed))).subList(0, 2))
                .allSatisfy(p -> assertThat(p).contains("named \"\" (empty)"))
                .last()
                .asString()
                .contains(":2:1: m.M has a member named \"\"");
    }

    // JSON numbers where DynamoDB JSON requires strings are refused like {"S": 5}.

    @Test
    void typedNumbersWrittenAsJsonNumbers_areRefused_withTheFix() throws IOException {
        Path path = write(
                "nums.jsonl",
                "{\"id\":{\"S\":\"a\"},\"n\":{\"N\":5}}\n{\"id\":{\"S\":\"b\"},\"ns\":{\"NS\":[1,2]}}\n"
                        + "{\"id\":{\"S\":\"c\"},\"s\":{\"S\":5}}\n");

        assertThat(problems(table("t", file(path))).subList(0, 3))
                .containsExactly(
                        "tables[0].seed.files[0]: " + path + ":1:1: n.N is a number 5, not a string; write it as a"
                                + " string: {\"N\": \"5\"}",
                        "tables[0].seed.files[0]: " + path + ":2:1: ns.NS is a number 1, not a string; write it as a"
                                + " string: {\"NS\": [\"1\"]}",
                        "tables[0].seed.files[0]: " + path + ":3:1: s.S is a number 5, not a string; write it as a"
                                + " string: {\"S\": \"5\"}");
    }
}
