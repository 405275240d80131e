package dev.dynaseed.files;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.spec.ItemFileFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Streams one table into an item file with a parallel Scan ({@code segments} segments at once, each page written as
 * it arrives): memory holds a page per segment, never the table. The file appears under its name only when complete
 * (it is written beside it first).
 */
public final class TableExport {
    private static final Logger LOG = LoggerFactory.getLogger(TableExport.class);

    private final DynamoDbClient client;
    private final int segments;
    private final RunDeadline deadline;

    /** An export through {@code client} with {@code segments} parallel Scan segments (1 to 1000). */
    public TableExport(DynamoDbClient client, int segments, RunDeadline deadline) {
        this.client = Objects.requireNonNull(client, "client");
        if (segments < 1 || segments > 1000) {
            throw new IllegalArgumentException("segments must be 1 to 1000, was " + segments);
        }
        this.segments = segments;
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    /**
     * What an export wrote.
     *
     * @param table the table
     * @param file the file written
     * @param items the items written
     * @param losses what the format could not keep
     */
    public record Result(String table, Path file, long items, Losses losses) {}

    /** Writes every item of {@code table} to {@code file} in {@code format}; a file already there is replaced. */
    public Result export(String table, ItemFileFormat format, Path file) throws InterruptedException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        ExecutorService pool = Executors.newFixedThreadPool(segments, runnable -> {
            Thread thread = new Thread(runnable, "dynaseed-export-" + table);
            thread.setDaemon(true);
            return thread;
        });
        try (ItemFileWriter writer = ItemFileWriter.open(format, partial, table)) {
            List<Future<?>> scans = new ArrayList<>();
            for (int segment = 0; segment < segments; segment++) {
                int current = segment;
                scans.add(pool.submit(() -> scan(table, current, writer)));
            }
            for (Future<?> scan : scans) {
                scan.get();
            }
            writer.close();
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("table {}: exported {} items to {}", table, writer.written(), file);
            return new Result(table, file, writer.written(), writer.losses());
        } catch (ExecutionException e) {
            deletePartial(partial);
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw new ItemFileException(
                        "writing " + file + " failed: " + io.getCause().getMessage());
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ItemFileException("exporting " + table + " failed: " + cause);
        } catch (IOException e) {
            deletePartial(partial);
            throw new ItemFileException("writing " + file + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            deletePartial(partial);
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    private void scan(String table, int segment, ItemFileWriter writer) {
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder request = ScanRequest.builder()
                    .tableName(table)
                    .segment(segment)
                    .totalSegments(segments)
                    .overrideConfiguration(deadline.bound(client));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            ScanResponse page = client.scan(request.build());
            for (Map<String, AttributeValue> item : page.items()) {
                try {
                    writer.write(item);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        } while (start != null);
    }

    private static void deletePartial(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            LOG.warn("could not delete the partial export {}", partial, e);
        }
    }
}
