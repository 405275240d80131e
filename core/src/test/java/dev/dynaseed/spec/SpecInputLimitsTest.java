package dev.dynaseed.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynaseed.spec.SpecReader.SpecFormat;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specs too large, not text, or with values too long to echo: refused or cut up front, each with its reason. */
class SpecInputLimitsTest {
    private static final String SMALL = """
            tables:
              - name: orders
                partitionKey: {name: id, type: S}
            """;

    @TempDir
    Path dir;

    @Test
    void numberWhoseExponentNoDecimalHolds_isAProblemAtItsPlace_inJsonAndYaml() {
        String number = "62109464984.533924894380973E188498398533";
        String json = "{\"tables\": [{\"name\": \"t\", \"partitionKey\": {\"name\": \"id\", \"type\": \"S\"},"
                + " \"seed\": {\"count\": 1, \"attributes\": {\"id\": \"uuid4\", \"n\": {\"generator\": \"constant\","
                + " \"value\": " + number + "}}}}]}";
        String yaml = SMALL + "    seed: {count: 1, attributes: {id: uuid4, n: {generator: constant, value: " + number
                + "}}}\n";
        String why = "the number '" + number + "' has an exponent out of range; DynamoDB numbers have at most 38";

        assertThatThrownBy(() -> SpecReader.read(json, SpecFormat.JSON, "event.spec"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("event.spec:1:")
                .hasMessageContaining("tables[0].seed.attributes.n.value: " + why);
        assertThatThrownBy(() -> SpecReader.read(yaml, SpecFormat.YAML, "event.spec"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("event.spec:4:")
                .hasMessageContaining(why);
    }

    @Test
    void fileAboveOneMebibyte_isRefusedByItsSize_beforeBeingParsed() throws IOException {
        // One long quoted string, the shape that took 403 s and 1.9 GB at 50 MB.
        Path file = dir.resolve("big.yaml");
        Files.writeString(file, "tables: [{name: \"" + "x".repeat(2 * 1024 * 1024) + "\"}]\n");

        assertThatThrownBy(() -> SpecReader.read(file))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("The spec " + file + " has 1 problem:\n  is 2,097,173 bytes; a spec may hold at most"
                        + " 1,048,576 bytes (1 MiB): split its tables over several spec files");
    }

    @Test
    void fiftyMegabyteFile_isRefusedWithoutReadingIt() throws IOException {
        Path file = dir.resolve("huge.yaml");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(50L * 1024 * 1024);
        }

        assertThatThrownBy(() -> SpecReader.read(file))
                .hasMessage("The spec " + file + " has 1 problem:\n  is 52,428,800 bytes; a spec may hold at most"
                        + " 1,048,576 bytes (1 MiB): split its tables over several spec files");
    }

    @Test
    void fileOfExactlyTheLimit_isRead() throws IOException {
        Path file = dir.resolve("full.yaml");
        StringBuilder padded = new StringBuilder(SMALL);
        while (padded.length() < 1024 * 1024) {
            int room = 1024 * 1024 - padded.length();
            padded.append(room == 1 ? "\n" : "#" + "x".repeat(Math.min(78, room - 2)) + "\n");
        }
        Files.writeString(file, padded);
        assertThat(Files.size(file)).isEqualTo(1024 * 1024);

        assertThat(SpecReader.read(file).tableNames()).containsExactly("orders");
    }

    @Test
    void inlineTextAboveTheLimit_isRefusedWithTheLimit() {
        String text = SMALL + "#" + "x".repeat(1024 * 1024) + "\n";

        assertThatThrownBy(() -> SpecReader.read(text, SpecFormat.YAML, "event.spec"))
                .hasMessage("The spec event.spec has 1 problem:\n  is " + String.format("%,d", text.length())
                        + " characters long; a spec may hold at most 1,048,576 characters (1 MiB): split its tables"
                        + " over several specs");
    }

    @Test
    void inlineTextWithAByteOrderMark_isRead() {
        String json =
                "\uFEFF{\"tables\": [{\"name\": \"orders\", \"partitionKey\": {\"name\": \"id\", \"type\": \"S\"}}]}";

        assertThat(SpecReader.read(json, SpecFormat.JSON, "event.spec").tableNames())
                .containsExactly("orders");
    }

    @Test
    void binaryFile_isNotUtf8Text_namingTheFirstBadByte() throws IOException {
        Path file = dir.resolve("image.yaml");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});

        assertThatThrownBy(() -> SpecReader.read(file))
                .hasMessage("The spec " + file + " has 1 problem:\n  is not a UTF-8 text file (byte 1); a spec is"
                        + " YAML or JSON text: save it as UTF-8");
    }

    @Test
    void nulByte_isNotText() throws IOException {
        Path file = dir.resolve("nul.yaml");
        Files.write(file, "tables:\u0000 []".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> SpecReader.read(file))
                .hasMessage("The spec " + file + " has 1 problem:\n  is not a UTF-8 text file (byte 8); a spec is"
                        + " YAML or JSON text: save it as UTF-8");
    }

    @Test
    void utf16WithoutByteOrderMark_isNotUtf8Text() throws IOException {
        Path file = dir.resolve("utf16.yaml");
        Files.write(file, SMALL.getBytes(StandardCharsets.UTF_16LE));

        assertThatThrownBy(() -> SpecReader.read(file))
                .hasMessage("The spec " + file + " has 1 problem:\n  is not a UTF-8 text file (byte 2); a spec is"
                        + " YAML or JSON text: save it as UTF-8");
    }

    @Test
    void utf16AndUtf32WithByteOrderMark_andUtf8WithOne_areRead() throws IOException {
        String text = "\uFEFF" + SMALL + "    tags: {team: équipe_ü}\n";
        for (Charset charset : new Charset[] {
            StandardCharsets.UTF_8,
            StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE,
            Charset.forName("UTF-32LE"),
            Charset.forName("UTF-32BE")
        }) {
            Path file = dir.resolve("spec-" + charset.name() + ".yaml");
            Files.write(file, text.getBytes(charset));

            assertThat(SpecReader.read(file).tables().get(0).tags())
                    .as(charset.name())
                    .containsExactly(Map.entry("team", "équipe_ü"));
        }
    }

    @Test
    void utf16WithByteOrderMarkButBrokenPairs_isRefusedAsUtf16() throws IOException {
        Path file = dir.resolve("broken16.yaml");
        // A byte order mark, "a", then a low surrogate with no high one before it.
        Files.write(file, new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0, 0x00, (byte) 0xDC});

        assertThatThrownBy(() -> SpecReader.read(file))
                .hasMessage("The spec " + file + " has 1 problem:\n  is not a UTF-16 text file (byte 5); a spec is"
                        + " YAML or JSON text: save it as UTF-8");
    }

    @Test
    void longName_isShownCutTo60Characters_withItsLength() {
        String yaml = "tables:\n  - name: " + "n".repeat(100_000) + "\n    partitionKey: {name: id, type: S}\n";

        assertThatThrownBy(() -> SpecReader.read(yaml, SpecFormat.YAML, "long.yaml"))
                .hasMessage("The spec long.yaml has 1 problem:\n  long.yaml:2:5: tables[0].name: '" + "n".repeat(60)
                        + "...' (100,000 characters) is not a valid DynamoDB table name; use 3 to 255 characters of"
                        + " a-z, A-Z, 0-9, '_', '-' and '.', e.g. web_user_logs");
    }

    @Test
    void longUnknownFieldName_isCutInThePath() {
        String yaml =
                "tables:\n  - name: orders\n    partitionKey: {name: id, type: S}\n    " + "f".repeat(1_000) + ": 1\n";

        assertThatThrownBy(() -> SpecReader.read(yaml, SpecFormat.YAML, "long.yaml"))
                .hasMessage(
                        "The spec long.yaml has 1 problem:\n  long.yaml:4:5: tables[0]." + "f".repeat(60)
                                + "... (1,000 characters): unknown field; fields allowed here: name, partitionKey, sortKey,"
                                + " billing, tags, globalSecondaryIndexes, localSecondaryIndexes, timeToLive, stream, pointInTimeRecovery,"
                                + " encryption, tableClass, deletionProtection, warmThroughput, resourcePolicy, contributorInsights, seed");
    }

    @Test
    void lineBreakInAValue_isShownEscapedOnOneLine() {
        String yaml = "tables:\n  - name: \"two\\nlines\"\n    partitionKey: {name: id, type: S}\n";

        assertThatThrownBy(() -> SpecReader.read(yaml, SpecFormat.YAML, "nl.yaml"))
                .hasMessage("The spec nl.yaml has 1 problem:\n  nl.yaml:2:5: tables[0].name: 'two\\nlines' is not a"
                        + " valid DynamoDB table name; use 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.',"
                        + " e.g. web_user_logs");
    }
}
