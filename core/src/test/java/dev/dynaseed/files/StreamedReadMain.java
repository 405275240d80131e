package dev.dynaseed.files;

import dev.dynaseed.spec.ItemFileFormat;
import dev.dynaseed.spec.ItemSourceSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Run in a JVM with a small heap by {@link LargeFileStreamingTest}: scans an item file and reads every item, printing
 * {@code scanned=N read=M}; a reader that held the file whole would run out of memory instead.
 */
public final class StreamedReadMain {
    private StreamedReadMain() {}

    public static void main(String[] args) {
        ItemSourceSpec.File source =
                FileSources.file(Path.of(args[0]), ItemFileFormat.named(args[1]).orElseThrow());
        TableSpec table = FileSources.table("t", source);
        Spec spec = ItemFiles.scan(new Spec(List.of(table)), "streamed", false);
        TableSpec scanned = spec.tables().get(0);
        ItemSourceSpec.File file =
                (ItemSourceSpec.File) scanned.seed().sources().get(0);
        long read = 0;
        for (Iterator<Map<String, AttributeValue>> it = ItemFiles.items(file, scanned); it.hasNext(); ) {
            it.next();
            read++;
        }
        System.out.println("scanned=" + file.size() + " read=" + read + " maxHeap="
                + Runtime.getRuntime().maxMemory());
    }
}
