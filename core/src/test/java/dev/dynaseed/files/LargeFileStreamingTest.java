package dev.dynaseed.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file larger than the heap is read item by item: 200,000 items (about 70 MB of JSON) scanned and read in a JVM
 * limited to 32 MB, as JSON Lines and as one gzip-compressed JSON array. Counts only, no timings.
 */
class LargeFileStreamingTest {
    private static final int ITEMS = 200_000;
    private static final String PADDING = "p".repeat(300);

    @TempDir
    Path dir;

    @Test
    void jsonLines_largerThanTheHeap_areScannedAndReadInFull() throws Exception {
        Path file = dir.resolve("large.jsonl");
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            for (int i = 0; i < ITEMS; i++) {
                out.write("{\"id\":\"item-" + i + "\",\"n\":" + i + ",\"pad\":\"" + PADDING + "\"}\n");
            }
        }
        assertThat(Files.size(file)).isGreaterThan(64L * 1024 * 1024);

        assertThat(readInSmallHeap(file, "jsonl")).startsWith("scanned=200000 read=200000 ");
    }

    @Test
    void gzippedJsonArray_largerThanTheHeapOnceInflated_isScannedAndReadInFull() throws Exception {
        Path file = dir.resolve("large.json.gz");
        try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16);
                Writer out = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("[\n");
            for (int i = 0; i < ITEMS; i++) {
                out.write((i == 0 ? "" : ",\n") + "{\"id\":\"item-" + i + "\",\"pad\":\"" + PADDING + "\"}");
            }
            out.write("\n]\n");
        }

        assertThat(readInSmallHeap(file, "json")).startsWith("scanned=200000 read=200000 ");
    }

    private static String readInSmallHeap(Path file, String format) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(
                        java.toString(),
                        "-Xmx32m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StreamedReadMain.class.getName(),
                        file.toString(),
                        format))
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines()
                .filter(line -> line.startsWith("scanned="))
                .findFirst()
                .orElse(output);
    }
}
