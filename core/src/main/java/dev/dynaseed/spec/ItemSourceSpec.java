package dev.dynaseed.spec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items a table gets besides (or instead of) its generated ones: written as they are, before the generated items.
 * Item indexes count the sources first, in their order, then the generated items.
 */
public sealed interface ItemSourceSpec {

    /** The kinds of source, in the order they are documented. */
    enum Kind {
        INLINE,
        FILE
    }

    Kind kind();

    /**
     * How many items it holds; a file's items are known once the file was scanned ({@code dynaseed.files.ItemFiles}
     * does so before anything is sent).
     */
    long size();

    /**
     * Items written in the spec itself (the {@code items} list of a seed block, in DynamoDB JSON), e.g. a NoSQL
     * Workbench model's TableData.
     *
     * @param items the items, typed; each is written as it is
     */
    record Inline(List<Map<String, AttributeValue>> items) implements ItemSourceSpec {
        public Inline {
            items = items.stream().map(Map::copyOf).toList();
        }

        @Override
        public Kind kind() {
            return Kind.INLINE;
        }

        @Override
        public long size() {
            return items.size();
        }
    }

    /**
     * Items read from a file (an entry of {@code seed.files}), streamed: the file is never held whole.
     *
     * @param path the file; relative paths are resolved against the spec file's folder when the spec is read
     * @param format the format, when the spec names it; else found from the file name and its first bytes
     * @param header CSV only: whether the first row names the columns
     * @param columns CSV only: the column names (required without a header; renames the header's columns)
     * @param types CSV only: the type of some columns; the others are inferred (see {@link CsvType})
     * @param table batch-write files only: whose requests to apply; this table's name when absent
     * @param scan what scanning the file found; empty until it was scanned
     */
    record File(
            Path path,
            Optional<ItemFileFormat> format,
            boolean header,
            List<String> columns,
            Map<String, CsvType> types,
            Optional<String> table,
            Optional<FileScan> scan)
            implements ItemSourceSpec {
        public File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(format, "format");
            columns = List.copyOf(columns);
            types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(scan, "scan");
        }

        /** A file in the format its name and content say, CSV with a header row. */
        public static File of(Path path) {
            return new File(path, Optional.empty(), true, List.of(), Map.of(), Optional.empty(), Optional.empty());
        }

        @Override
        public Kind kind() {
            return Kind.FILE;
        }

        /** The items the scan found (bad lines not counted); the file must have been scanned. */
        @Override
        public long size() {
            return scan.orElseThrow(() -> new IllegalStateException(
                            path + " was not scanned; scan seed files with ItemFiles.scan before seeding"))
                    .items();
        }

        /** This source with its path resolved against {@code folder} (when relative). */
        public File resolvedAgainst(Path folder) {
            return new File(folder.resolve(path), format, header, columns, types, table, scan);
        }

        /** This source as {@code scan} found it. */
        public File scanned(FileScan scan) {
            return new File(path, format, header, columns, types, table, Optional.of(scan));
        }
    }

    /**
     * What a scan of a seed file found, before anything was sent.
     *
     * @param format the format the file was read in
     * @param items the items it holds (put requests for batch-write files), bad lines not counted
     * @param deletes batch-write files: the delete requests for the table
     * @param badLines how many lines (or array elements, or rows) could not be read
     * @param bad the first bad lines, each as {@code file:line: why}
     * @param bytes the file's size when scanned
     * @param modified the file's last-modified time when scanned
     * @param columnTypes CSV: the type of each column, in order
     * @param inferred CSV: the columns whose type was inferred from their values
     */
    record FileScan(
            ItemFileFormat format,
            long items,
            long deletes,
            long badLines,
            List<String> bad,
            long bytes,
            Instant modified,
            Map<String, CsvType> columnTypes,
            List<String> inferred) {
        public FileScan {
            Objects.requireNonNull(format, "format");
            bad = List.copyOf(bad);
            Objects.requireNonNull(modified, "modified");
            columnTypes = Collections.unmodifiableMap(new LinkedHashMap<>(columnTypes));
            inferred = List.copyOf(inferred);
        }
    }

    /** The type of a CSV column's values; an empty cell leaves the attribute out. */
    enum CsvType {
        /** The text as it is. */
        S,
        /** A number, kept digit for digit. */
        N,
        /** {@code true} or {@code false}. */
        BOOL,
        /** Base64 of the bytes. */
        B,
        /** A DynamoDB JSON value such as {@code {"SS": ["a", "b"]}}: any type. */
        JSON;

        /** The type named {@code name} (any case). */
        public static Optional<CsvType> named(String name) {
            for (CsvType type : values()) {
                if (type.name().equalsIgnoreCase(name.trim())) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    /** Checks that {@code sources} holds no null. */
    static List<ItemSourceSpec> copy(List<ItemSourceSpec> sources) {
        sources.forEach(source -> Objects.requireNonNull(source, "source"));
        return List.copyOf(sources);
    }
}
