package dev.dynaseed.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynaseed.spec.InvalidSpecException;
import dev.dynaseed.spec.ItemFileFormat;
import dev.dynaseed.spec.ItemSourceSpec;
import dev.dynaseed.spec.ItemSourceSpec.CsvType;
import dev.dynaseed.spec.ItemSourceSpec.FileScan;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the item files of a spec's seed blocks: finds each file's format, scans it once before anything is sent (it
 * exists, it is readable, every line is an item the table can take; counting the items), then streams its items when
 * they are written. A file is never held whole in memory.
 */
public final class ItemFiles {
    /** The bad lines a scan describes (it counts them all). */
    static final int BAD_LINES_KEPT = 10;

    private ItemFiles() {}

    /**
     * {@code spec} with every file source scanned. Without {@code skipBad}, a file with a bad line is a problem of the
     * spec (each bad line listed as {@code file:line: why}) and nothing is sent; with it, bad lines are skipped and
     * counted in the scan.
     *
     * @throws InvalidSpecException naming every file that is missing, unreadable, of an unknown format, or (without
     *     {@code skipBad}) holds bad lines
     */
    public static Spec scan(Spec spec, String source, boolean skipBad) {
        Objects.requireNonNull(spec, "spec");
        List<Problem> problems = new ArrayList<>();
        List<TableSpec> tables = new ArrayList<>();
        for (int t = 0; t < spec.tables().size(); t++) {
            TableSpec table = spec.tables().get(t);
            List<ItemSourceSpec> sources = new ArrayList<>();
            SameKeys sameKeys = new SameKeys(keyNames(table));
            int fileIndex = 0;
            for (ItemSourceSpec item : table.seed().sources()) {
                if (!(item instanceof ItemSourceSpec.File file)) {
                    sameKeys.source("seed.items");
                    List<Map<String, AttributeValue>> inline = ((ItemSourceSpec.Inline) item).items();
                    for (int i = 0; i < inline.size(); i++) {
                        sameKeys.add(inline.get(i), "seed.items[" + i + "]");
                    }
                    sources.add(item);
                    continue;
                }
                String path = "tables[" + t + "].seed.files[" + fileIndex++ + "]";
                try {
                    sameKeys.source(file.path().toString());
                    Scanned scanned = scanFile(file, table, sameKeys);
                    FileScan scan = scanned.scan();
                    if (skipBad && scanned.unreadableRest().isPresent()) {
                        String bad = scanned.unreadableRest().get();
                        String cut = "; nothing after it can be read";
                        problems.add(new Problem(
                                path,
                                (bad.endsWith(cut) ? bad.substring(0, bad.length() - cut.length()) : bad)
                                        + "; --skip-bad cannot skip it, as nothing after it in the file can be read"
                                        + " (it skips only lines it can read past); fix the file there, or fetch it"
                                        + " again if it was cut short"));
                        continue;
                    }
                    if (scan.badLines() > 0 && !skipBad) {
                        for (String bad : scan.bad()) {
                            problems.add(new Problem(path, bad));
                        }
                        long more = scan.badLines() - scan.bad().size();
                        boolean onlyTheUnreadable = scanned.unreadableRest().isPresent() && scan.badLines() == 1;
                        if (!onlyTheUnreadable) {
                            // --skip-bad helps only with lines the reader can read past.
                            problems.add(new Problem(
                                    path,
                                    file.path() + ": " + (more > 0 ? more + " more bad lines; " : "")
                                            + "nothing is written while a seed file has bad lines; fix them, or pass"
                                            + " --skip-bad to write the others and count the bad ones"
                                            + (scanned.unreadableRest().isPresent()
                                                    ? " (except the last, after which nothing can be read: fix that"
                                                            + " one in the file)"
                                                    : "")));
                        }
                    }
                    sources.add(file.scanned(scan));
                } catch (ItemFileException e) {
                    problems.add(new Problem(path, e.getMessage()));
                }
            }
            tables.add(
                    sources.isEmpty()
                            ? table
                            : table.toBuilder()
                                    .seed(table.seed().withSources(sources).withSelection(sameKeys.selection()))
                                    .build());
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(source, problems);
        }
        return new Spec(tables);
    }

    /**
     * The requests of the scanned spec's batch-write files that no table applies (for a table the spec does not have,
     * or that does not read that file), one note per file and table, e.g. {@code req.json: 3 requests for table
     * Other were not applied: ...}; empty when every request is applied.
     */
    public static List<String> unappliedRequests(Spec scanned) {
        Objects.requireNonNull(scanned, "scanned");
        Map<Path, Set<String>> readers = new LinkedHashMap<>();
        for (TableSpec table : scanned.tables()) {
            for (ItemSourceSpec source : table.seed().sources()) {
                if (source instanceof ItemSourceSpec.File file
                        && file.scan()
                                .map(scan -> scan.format() == ItemFileFormat.BATCH_WRITE)
                                .orElse(false)) {
                    readers.computeIfAbsent(file.path(), path -> new java.util.LinkedHashSet<>())
                            .add(file.table().orElse(table.name()));
                }
            }
        }
        List<String> notes = new ArrayList<>();
        for (Map.Entry<Path, Set<String>> file : readers.entrySet()) {
            // No table is named "" (DynamoDB names are 3 to 255 characters): every table's requests are counted.
            try (BatchWriteEntries reader =
                    new BatchWriteEntries(TextInput.bytes(file.getKey()), "", new ItemCheck(List.of()))) {
                while (reader.next() != null) {
                    // Counting the requests per table.
                }
                reader.tables().forEach((name, count) -> {
                    if (count > 0 && !file.getValue().contains(name)) {
                        notes.add(file.getKey() + ": " + count + (count == 1 ? " request" : " requests")
                                + " for table " + name + (count == 1 ? " was" : " were") + " not applied: "
                                + (scanned.tables().stream()
                                                .anyMatch(t -> t.name().equals(name))
                                        ? "table " + name + " does not read this file (add it to its seed.files)"
                                        : "the spec has no table " + name + " (add the table, or give table: " + name
                                                + " to read them into another)"));
                    }
                });
            } catch (IOException e) {
                throw new ItemFileException(file.getKey() + " " + TextInput.describe(e));
            }
        }
        return notes;
    }

    /** Scans one file for {@code table}: its format, items, bad lines; throws when it cannot be read at all. */
    public static FileScan scan(ItemSourceSpec.File file, TableSpec table) {
        return scanFile(file, table, new SameKeys(keyNames(table))).scan();
    }

    /**
     * A file's scan, and the bad entry (as {@code file:line:column: why}) past which nothing could be read, if any:
     * such an entry cannot be skipped.
     */
    private record Scanned(FileScan scan, Optional<String> unreadableRest) {}

    /** Most keys a batch-write file's requests are checked against each other for (put and delete of one key). */
    static final int MAX_REQUEST_KEYS = 1_000_000;

    private static List<String> keyNames(TableSpec table) {
        return keys(table).stream().map(KeySpec::name).toList();
    }

    private static Scanned scanFile(ItemSourceSpec.File file, TableSpec table, SameKeys sameKeys) {
        Path path = file.path();
        BasicFileAttributes attributes = attributes(path);
        if (attributes.size() == 0) {
            throw new ItemFileException(path + " is empty (0 bytes; a failed download or export?); give a file that"
                    + " holds items, or take it out of seed.files");
        }
        notItems(path);
        ItemFileFormat format = file.format().orElseGet(() -> detect(path));
        Map<String, CsvType> known = csvTypes(file, table);
        Optional<CsvInference> inference =
                format == ItemFileFormat.CSV ? Optional.of(new CsvInference(known)) : Optional.empty();
        long items = 0;
        long deletes = 0;
        long badLines = 0;
        List<String> bad = new ArrayList<>();
        Optional<String> unreadableRest = Optional.empty();
        List<String> keyNames = keyNames(table);
        Map<String, Long> deleteKeys = new HashMap<>();
        try (EntryReader reader = open(file, format, table, known, inference)) {
            for (Entry entry = reader.next(); entry != null; entry = reader.next()) {
                if (entry instanceof Entry.Put put) {
                    items++;
                    sameKeys.add(put.item(), path + ":" + put.line());
                } else if (entry instanceof Entry.Delete delete) {
                    deletes++;
                    if (deleteKeys.size() < MAX_REQUEST_KEYS) {
                        deleteKeys.putIfAbsent(keyIdentity(keyNames, delete.key()), delete.line());
                    }
                } else if (entry instanceof Entry.Bad b) {
                    badLines++;
                    if (bad.size() < BAD_LINES_KEPT) {
                        bad.add(b.where(path) + ": " + b.reason());
                    }
                    if (b.last()) {
                        unreadableRest = Optional.of(b.where(path) + ": " + b.reason());
                    }
                }
            }
            String wanted = file.table().orElse(table.name());
            if (reader instanceof BatchWriteEntries batch
                    && items + deletes + badLines == 0
                    && !batch.tables().isEmpty()
                    && !batch.tables().containsKey(wanted)) {
                throw new ItemFileException(path + " holds requests for "
                        + String.join(", ", batch.tables().keySet())
                        + ", none for " + wanted + "; name the table to read with table: "
                        + batch.tables().keySet().iterator().next());
            }
        } catch (IOException e) {
            throw new ItemFileException(path + " " + TextInput.describe(e));
        }
        if (items > 0 && !deleteKeys.isEmpty()) {
            noPutOfADeletedKey(file, format, table, known, keyNames, deleteKeys);
        }
        Map<String, CsvType> columnTypes = inference.map(CsvInference::types).orElse(Map.of());
        List<String> inferred = inference.map(CsvInference::inferred).orElse(List.of());
        return new Scanned(
                new FileScan(
                        format,
                        items,
                        deletes,
                        badLines,
                        bad,
                        attributes.size(),
                        attributes.lastModifiedTime().toInstant(),
                        columnTypes,
                        inferred),
                unreadableRest);
    }

    /**
     * Refuses a file that puts and deletes one key (a second read, of files with deletes only): BatchWriteItem
     * refuses such a request (ValidationException), so the AWS CLI refuses the file, and no order between the two is
     * right.
     */
    private static void noPutOfADeletedKey(
            ItemSourceSpec.File file,
            ItemFileFormat format,
            TableSpec table,
            Map<String, CsvType> known,
            List<String> keyNames,
            Map<String, Long> deleteKeys) {
        try (EntryReader reader = open(file, format, table, known, Optional.empty())) {
            for (Entry entry = reader.next(); entry != null; entry = reader.next()) {
                if (entry instanceof Entry.Put put) {
                    Long deleted = deleteKeys.get(keyIdentity(keyNames, put.item()));
                    if (deleted != null) {
                        throw new ItemFileException(file.path() + ":" + put.line() + ": puts the key "
                                + keyText(keyNames, put.item())
                                + ", which line " + deleted + " deletes; BatchWriteItem refuses a request that puts"
                                + " and deletes one item (the AWS CLI refuses this file too); keep either the"
                                + " PutRequest or the DeleteRequest");
                    }
                }
            }
        } catch (IOException e) {
            throw new ItemFileException(file.path() + " " + TextInput.describe(e));
        }
    }

    /**
     * A key as DynamoDB tells keys apart: its type and value per key attribute, numbers by value ({@code 5.00} and
     * {@code 5} are one key), strings and binary exactly.
     */
    private static String keyIdentity(List<String> keyNames, Map<String, AttributeValue> item) {
        StringBuilder identity = new StringBuilder();
        for (String name : keyNames) {
            AttributeValue value = item.get(name);
            String text = value == null
                    ? "-"
                    : value.s() != null
                            ? "S" + value.s()
                            : value.n() != null
                                    ? "N" + SameKeys.canonicalNumber(value.n())
                                    : value.b() != null
                                            ? "B"
                                                    + Base64.getEncoder()
                                                            .encodeToString(
                                                                    value.b().asByteArray())
                                            : "?" + value;
            identity.append(text.length()).append(':').append(text);
        }
        return identity.toString();
    }

    /** A key as messages show it, e.g. {@code id "x", n 5}. */
    private static String keyText(List<String> keyNames, Map<String, AttributeValue> item) {
        List<String> parts = new ArrayList<>();
        for (String name : keyNames) {
            AttributeValue value = item.get(name);
            String text = value == null
                    ? "none"
                    : value.s() != null
                            ? ItemFileWriter.quoted(value.s())
                            : value.n() != null
                                    ? value.n()
                                    : value.b() != null
                                            ? "binary "
                                                    + Base64.getEncoder()
                                                            .encodeToString(
                                                                    value.b().asByteArray())
                                            : value.toString();
            parts.add(name + " " + text);
        }
        return String.join(", ", parts);
    }

    /**
     * Refuses files that hold no items of any format: a text file of blank space only (a failed download looks like
     * that; a gzip file of nothing is let through, as DynamoDB's S3 export writes one per empty partition),
     * DynamoDB's ION export, and an S3 export's manifest files.
     */
    private static void notItems(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        String bare = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        if (bare.endsWith(".ion")) {
            throw ion(path);
        }
        if (bare.startsWith("manifest-summary") || bare.startsWith("manifest-files")) {
            throw manifest(path);
        }
        String first;
        try (Reader text = TextInput.text(path)) {
            LineReader.Line line = firstNonBlank(new LineReader(text));
            if (line == null) {
                if (name.endsWith(".gz")) {
                    return;
                }
                throw new ItemFileException(path + " holds no items, only blank space (a failed download or"
                        + " export?); give a file that holds items (a CSV file starts with its header row), or take"
                        + " it out of seed.files");
            }
            first = line.text().strip();
        } catch (IOException e) {
            return; // Reading the file says why, at its line.
        }
        if (first.startsWith("$ion_1_0")) {
            throw ion(path);
        }
        // manifest-summary.json holds exportArn and manifestFilesS3Key; manifest-files.json lines dataFileS3Key and
        // md5Checksum (both documented in "DynamoDB table export output format").
        if (first.startsWith("{")
                && ((first.contains("\"exportArn\"") && first.contains("\"manifestFilesS3Key\""))
                        || (first.contains("\"dataFileS3Key\"") && first.contains("\"md5Checksum\"")))) {
            throw manifest(path);
        }
    }

    private static ItemFileException ion(Path path) {
        return new ItemFileException(path + " is in DynamoDB's ION export format, which dynaseed does not read;"
                + " export the table with ExportFormat DYNAMODB_JSON and give its data/*.json.gz files");
    }

    private static ItemFileException manifest(Path path) {
        return new ItemFileException(path + " is a manifest of a DynamoDB export to S3, not items; give the export's"
                + " data files instead (the dataFileS3Key values of manifest-files.json, e.g."
                + " data/abc123.json.gz)");
    }

    /**
     * The items of a scanned file, as the scan counted them (bad lines skipped), read as they are taken.
     *
     * @throws ItemFileException (from the iterator) when the file changed since the scan or cannot be read
     */
    public static Iterator<Map<String, AttributeValue>> items(ItemSourceSpec.File file, TableSpec table) {
        return entries(file, table, true);
    }

    /**
     * The first {@code n} items of a scanned file (fewer when it holds fewer), read and the file closed again: a
     * sample to measure item sizes by.
     */
    public static List<Map<String, AttributeValue>> first(ItemSourceSpec.File file, TableSpec table, int n) {
        FileScan scan = file.scan()
                .orElseThrow(() -> new IllegalStateException(file.path() + " must be scanned before it is read"));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        try (EntryReader reader = open(file, scan.format(), table, scan.columnTypes(), Optional.empty())) {
            for (Entry entry = reader.next(); entry != null && items.size() < n; entry = reader.next()) {
                if (entry instanceof Entry.Put put) {
                    items.add(put.item());
                }
            }
        } catch (IOException e) {
            throw new ItemFileException(file.path() + " " + TextInput.describe(e));
        }
        return items;
    }

    /** The keys a scanned batch-write file's DeleteRequests name for {@code table}, read as they are taken. */
    public static Iterator<Map<String, AttributeValue>> deletes(ItemSourceSpec.File file, TableSpec table) {
        return entries(file, table, false);
    }

    private static Iterator<Map<String, AttributeValue>> entries(
            ItemSourceSpec.File file, TableSpec table, boolean puts) {
        FileScan scan = file.scan()
                .orElseThrow(() -> new IllegalStateException(file.path() + " must be scanned before it is read"));
        return new Iterator<>() {
            private EntryReader reader;
            private Map<String, AttributeValue> next;
            private boolean ended;

            @Override
            public boolean hasNext() {
                if (next == null && !ended) {
                    next = advance();
                }
                return next != null;
            }

            @Override
            public Map<String, AttributeValue> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Map<String, AttributeValue> item = next;
                next = null;
                return item;
            }

            private Map<String, AttributeValue> advance() {
                try {
                    if (reader == null) {
                        unchanged(file.path(), scan);
                        reader = open(file, scan.format(), table, scan.columnTypes(), Optional.empty());
                    }
                    for (Entry entry = reader.next(); entry != null; entry = reader.next()) {
                        if (entry instanceof Entry.Put put && puts) {
                            return put.item();
                        }
                        if (entry instanceof Entry.Delete delete && !puts) {
                            return delete.key();
                        }
                        // Bad lines were counted by the scan, and allowed (--skip-bad) or nothing would be read.
                    }
                    ended = true;
                    reader.close();
                    return null;
                } catch (IOException e) {
                    ended = true;
                    throw new ItemFileException(file.path() + " " + TextInput.describe(e));
                }
            }
        };
    }

    private static void unchanged(Path path, FileScan scan) {
        BasicFileAttributes now = attributes(path);
        if (now.size() != scan.bytes() || !now.lastModifiedTime().toInstant().equals(scan.modified())) {
            throw new ItemFileException(path + " changed since it was checked (it was " + scan.bytes()
                    + " bytes, modified " + scan.modified() + "); run again to check it anew");
        }
    }

    private static BasicFileAttributes attributes(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new ItemFileException(path + " is not a regular file; give the path of an item file");
            }
            if (!Files.isReadable(path)) {
                throw new ItemFileException(path + " cannot be read (permissions?); make it readable");
            }
            return attributes;
        } catch (NoSuchFileException e) {
            throw new ItemFileException(
                    path + " does not exist; check the path (relative paths start at the" + " spec file's folder)");
        } catch (IOException e) {
            throw new ItemFileException(path + " cannot be read: " + e.getMessage());
        }
    }

    /** The CSV column types known without reading values: the spec's, else the table keys' types. */
    private static Map<String, CsvType> csvTypes(ItemSourceSpec.File file, TableSpec table) {
        Map<String, CsvType> types = new LinkedHashMap<>();
        for (KeySpec key : keys(table)) {
            types.put(
                    key.name(), key.type() == KeyType.S ? CsvType.S : key.type() == KeyType.N ? CsvType.N : CsvType.B);
        }
        types.putAll(file.types());
        return types;
    }

    /** Why {@code table} cannot take {@code item} (a key missing or mistyped, over 400 KB); empty when it can. */
    public static Optional<String> problem(TableSpec table, Map<String, AttributeValue> item) {
        return new ItemCheck(keys(table)).problem(item, false);
    }

    private static List<KeySpec> keys(TableSpec table) {
        List<KeySpec> keys = new ArrayList<>();
        keys.add(table.partitionKey());
        table.sortKey().ifPresent(keys::add);
        return keys;
    }

    private static EntryReader open(
            ItemSourceSpec.File file,
            ItemFileFormat format,
            TableSpec table,
            Map<String, CsvType> types,
            Optional<CsvInference> inference)
            throws IOException {
        Path path = file.path();
        ItemCheck check = new ItemCheck(keys(table));
        return switch (format) {
            case JSONL -> new JsonLinesEntries(TextInput.text(path), false, check);
            case S3_EXPORT -> new JsonLinesEntries(TextInput.text(path), true, check);
            case DYNAMODB_JSON ->
                startsWithArray(path)
                        ? new JsonArrayEntries(TextInput.bytes(path), true, check)
                        : new JsonLinesEntries(TextInput.text(path), true, check);
            case JSON, SERVERLESS -> new JsonArrayEntries(TextInput.bytes(path), false, check);
            case SERVERLESS_RAW -> new JsonArrayEntries(TextInput.bytes(path), true, check);
            case BATCH_WRITE ->
                new BatchWriteEntries(TextInput.bytes(path), file.table().orElse(table.name()), check);
            case CSV ->
                new CsvEntries(
                        TextInput.text(path),
                        file.header(),
                        file.columns(),
                        types,
                        file.types().keySet(),
                        check,
                        inference);
        };
    }

    /**
     * The format of {@code path} from its name ({@code .csv}, {@code .gz}) and else its first line: an array
     * ({@code [}) of plain or typed items, a line holding one item (JSON Lines, typed or plain, {@code {"Item": ...}}
     * lines), or an object of table names to PutRequest/DeleteRequest lists (batch-write).
     */
    public static ItemFileFormat detect(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gzip = name.endsWith(".gz");
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            return ItemFileFormat.CSV;
        }
        ItemFileFormat format = detectByContent(path);
        // DynamoDB's export to S3 names its data files .json.gz: lines of {"Item": ...}.
        if (gzip && format == ItemFileFormat.DYNAMODB_JSON) {
            try {
                return startsWithArray(path) ? format : ItemFileFormat.S3_EXPORT;
            } catch (IOException e) {
                throw new ItemFileException(path + " " + TextInput.describe(e));
            }
        }
        return format;
    }

    /** The first line of {@code lines} that holds more than blank space; null when there is none. */
    private static LineReader.Line firstNonBlank(LineReader lines) throws IOException {
        LineReader.Line line = lines.next();
        while (line != null && line.text().isBlank()) {
            line = lines.next();
        }
        return line;
    }

    private static ItemFileFormat detectByContent(Path path) {
        try (Reader text = TextInput.text(path)) {
            LineReader.Line line = firstNonBlank(new LineReader(text));
            if (line == null) {
                return ItemFileFormat.JSONL;
            }
            String first = line.text().strip();
            if (first.startsWith("[")) {
                return firstElementTyped(path) ? ItemFileFormat.DYNAMODB_JSON : ItemFileFormat.JSON;
            }
            if (!line.tooLong()) {
                try {
                    JsonNode node = ItemJson.ONE_VALUE.readTree(first);
                    if (looksBatchWrite(node)) {
                        return ItemFileFormat.BATCH_WRITE;
                    }
                    if (JsonLinesEntries.incremental(node)) {
                        return ItemFileFormat.S3_EXPORT;
                    }
                    return DynamoJson.looksTyped(DynamoJson.unwrap(node))
                            ? ItemFileFormat.DYNAMODB_JSON
                            : ItemFileFormat.JSONL;
                } catch (JsonProcessingException e) {
                    // An object over several lines: a batch-write request file, as the AWS docs write them.
                }
            }
            if (first.startsWith("{") && batchWriteStart(path)) {
                return ItemFileFormat.BATCH_WRITE;
            }
            throw new ItemFileException(path + " is in no format dynaseed can tell from its start (" + shown(first)
                    + "); name it with format: (" + ItemFileFormat.names() + ")");
        } catch (IOException e) {
            throw new ItemFileException(path + " " + TextInput.describe(e));
        }
    }

    private static boolean looksBatchWrite(JsonNode node) {
        if (!node.isObject() || node.isEmpty()) {
            return false;
        }
        // Every value a list: no item (a key is a string, number or binary), so a request file, even one whose lists
        // are empty or hold requests BatchWriteItem does not take (an UpdateRequest), which its reader then names.
        for (JsonNode requests : node) {
            if (!requests.isArray()) {
                return false;
            }
        }
        return true;
    }

    private static boolean batchWriteStart(Path path) throws IOException {
        try (var parser = ItemJson.parser(TextInput.bytes(path))) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT
                    || parser.nextToken() != com.fasterxml.jackson.core.JsonToken.FIELD_NAME
                    || parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                return false;
            }
            com.fasterxml.jackson.core.JsonToken element = parser.nextToken();
            return element == com.fasterxml.jackson.core.JsonToken.END_ARRAY
                    || (element == com.fasterxml.jackson.core.JsonToken.START_OBJECT
                            && parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME
                            && Set.of("PutRequest", "DeleteRequest", "UpdateRequest")
                                    .contains(parser.currentName()));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static boolean firstElementTyped(Path path) throws IOException {
        try (var parser = ItemJson.parser(TextInput.bytes(path))) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                return false;
            }
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return false;
            }
            return DynamoJson.looksTyped(DynamoJson.unwrap(parser.readValueAsTree()));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static boolean startsWithArray(Path path) throws IOException {
        try (Reader text = TextInput.text(path)) {
            int c = text.read();
            while (c != -1 && Character.isWhitespace(c)) {
                c = text.read();
            }
            return c == '[';
        }
    }

    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }
}
