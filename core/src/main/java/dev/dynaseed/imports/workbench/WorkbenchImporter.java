package dev.dynaseed.imports.workbench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.ImportedTable;
import dev.dynaseed.imports.SourceKind;
import dev.dynaseed.imports.TableImporter;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SourceLocation;
import dev.dynaseed.spec.internal.JsonLimits;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NoSQL Workbench data models (JSON, formats 2.0 and 3.0): each table of {@code DataModel} with its keys,
 * global secondary indexes and billing, and its {@code TableData} as items written before any generated ones.
 */
public final class WorkbenchImporter implements TableImporter {
    /** Far above a hand-made model with sample data; bounds memory on hostile input. */
    static final long MAX_FILE_BYTES = 32L * 1024 * 1024;
    /** DynamoDB items nest at most 32 levels; a model wraps them in a few more. */
    static final int MAX_DEPTH = 64;

    static final Set<String> VERSIONS = Set.of("2.0", "3.0");
    private static final Pattern MODEL_NAME = Pattern.compile("\"ModelName\"\\s*:");
    private static final Pattern DATA_MODEL = Pattern.compile("\"DataModel\"\\s*:");
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(1000)
                            .maxStringLength((int) MAX_FILE_BYTES)
                            .maxDocumentLength(MAX_FILE_BYTES)
                            .build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    @Override
    public SourceKind kind() {
        return SourceKind.NOSQL_WORKBENCH;
    }

    @Override
    public boolean recognizes(Path file, String head) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(head, "head");
        String start = head.startsWith("\uFEFF") ? head.substring(1) : head;
        return start.stripLeading().startsWith("{")
                && MODEL_NAME.matcher(head).find()
                && DATA_MODEL.matcher(head).find();
    }

    @Override
    public List<ImportedTable> read(Path file, ImportOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        List<Problem> problems = new ArrayList<>();
        String source = file.toString();
        List<ImportedTable> tables = new ArrayList<>();
        text(file, problems).flatMap(text -> tree(source, text, problems)).ifPresent(model -> {
            String text = model.text();
            JsonNode root = model.root();
            checkFormat(root, source, problems);
            JsonNode dataModel = root.path("DataModel");
            int[] cursor = {0, 1}; // offset searched from, and its line
            for (int i = 0; i < dataModel.size(); i++) {
                JsonNode table = dataModel.get(i);
                String name = table.path("TableName").asText("");
                SourceLocation location = new SourceLocation(source, line(text, name, cursor), 1);
                String path = name.isEmpty() ? "DataModel[" + i + "]" : name;
                new WorkbenchTable(path, location, problems)
                        .map(table)
                        .ifPresent(spec -> tables.add(new ImportedTable(spec, kind(), name, location)));
            }
        });
        Map<String, ImportedTable> seen = new HashMap<>();
        for (ImportedTable table : tables) {
            ImportedTable previous = seen.putIfAbsent(table.table().name(), table);
            if (previous != null) {
                problems.add(new Problem(
                                table.origin() + ".TableName",
                                "is also the name of the table at " + previous.location()
                                        + "; table names are unique in a model: rename one of them")
                        .at(table.location()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(source, kind(), problems);
        }
        return List.copyOf(tables);
    }

    private record Model(String text, JsonNode root) {}

    private static Optional<String> text(Path file, List<Problem> problems) {
        SourceLocation at = new SourceLocation(file.toString(), 1, 1);
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                problems.add(new Problem(
                                "",
                                "is " + size + " bytes; dynaseed reads data models of at most " + MAX_FILE_BYTES
                                        + " bytes: move the sample data to a seed file")
                        .at(at));
                return Optional.empty();
            }
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text); // a byte order mark

        } catch (CharacterCodingException e) {
            problems.add(new Problem("", "is not UTF-8 text; NoSQL Workbench writes models as UTF-8 JSON").at(at));
        } catch (IOException e) {
            problems.add(new Problem("", "cannot be read (" + e.getMessage() + "); check the path").at(at));
        }
        return Optional.empty();
    }

    private static Optional<Model> tree(String source, String text, List<Problem> problems) {
        try {
            JsonNode root;
            try (JsonParser parser = JSON.createParser(text)) {
                try {
                    root = JSON.readTree(parser);
                } catch (StreamConstraintsException e) {
                    throw JsonLimits.located(e, parser);
                }
            }
            if (root == null || !root.isObject()) {
                problems.add(new Problem(
                                "",
                                "is not a NoSQL Workbench data model: expected a JSON object with ModelName and"
                                        + " DataModel")
                        .at(new SourceLocation(source, 1, 1)));
                return Optional.empty();
            }
            return Optional.of(new Model(text, root));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            int column =
                    e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
            problems.add(new Problem("", JsonLimits.problem(e, "a NoSQL Workbench model"))
                    .at(new SourceLocation(source, line, column)));
            return Optional.empty();
        } catch (IOException e) {
            // Reading a String does no I/O: this is the parser's own failure, reported as such.
            problems.add(
                    new Problem("", "cannot be read as JSON: " + e.getMessage()).at(new SourceLocation(source, 1, 1)));
            return Optional.empty();
        }
    }

    private static void checkFormat(JsonNode root, String source, List<Problem> problems) {
        SourceLocation at = new SourceLocation(source, 1, 1);
        if (!root.path("ModelName").isTextual()) {
            problems.add(new Problem("ModelName", "missing; a NoSQL Workbench model names itself in ModelName").at(at));
        }
        JsonNode version = root.path("ModelMetadata").path("Version");
        if (!version.isMissingNode() && !VERSIONS.contains(version.asText())) {
            problems.add(new Problem(
                            "ModelMetadata.Version",
                            "'" + version.asText() + "' is a data model format dynaseed does not read; it reads "
                                    + "2.0 and 3.0 (export the model again from NoSQL Workbench)")
                    .at(at));
        }
        if (!root.path("DataModel").isArray()) {
            problems.add(new Problem("DataModel", "missing or not a list; it holds the model's tables").at(at));
        }
    }

    /**
     * The line of table {@code name}'s TableName at or after {@code cursor} (offset, line), which moves past it;
     * the model's first line when it is not found.
     */
    private static int line(String text, String name, int[] cursor) {
        Matcher matcher = Pattern.compile("\"TableName\"\\s*:\\s*\"" + Pattern.quote(jsonEscaped(name)) + "\"")
                .matcher(text);
        if (!matcher.find(Math.min(cursor[0], text.length()))) {
            return 1;
        }
        for (int i = cursor[0]; i < matcher.start(); i++) {
            if (text.charAt(i) == '\n') {
                cursor[1]++;
            }
        }
        cursor[0] = matcher.start() + 1; // a quote: no line break skipped
        return cursor[1];
    }

    private static String jsonEscaped(String name) {
        return name.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
