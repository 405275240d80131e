package dev.dynaseed.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynaseed.files.DynamoJson;
import dev.dynaseed.files.ItemFormatException;
import dev.dynaseed.spec.ItemFileFormat;
import dev.dynaseed.spec.ItemSourceSpec;
import dev.dynaseed.spec.ItemSourceSpec.CsvType;
import dev.dynaseed.spec.Problem;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a seed block's {@code items} (a list of items in DynamoDB JSON) and {@code files} (paths, or objects with a
 * path and reading options) into item sources: the inline items first, then the files in order.
 */
public final class ItemSourceReader {
    public static final List<String> FILE_FIELDS = List.of("path", "format", "header", "columns", "types", "table");

    private final List<Problem> problems;

    public ItemSourceReader(List<Problem> problems) {
        this.problems = problems;
    }

    /** The sources of the seed block {@code fields} reads. */
    public List<ItemSourceSpec> read(ObjectFields fields) {
        List<ItemSourceSpec> sources = new ArrayList<>();
        fields.node("items")
                .ifPresent(node -> items(node, fields.pathOf("items")).ifPresent(sources::add));
        fields.node("files").ifPresent(node -> {
            if (!node.isArray()) {
                fields.wrongType("files", node, "a list of item files", "files: [users.jsonl]");
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                file(node.get(i), fields.pathOf("files") + "[" + i + "]").ifPresent(sources::add);
            }
        });
        return sources;
    }

    private Optional<ItemSourceSpec> items(JsonNode node, String path) {
        if (!node.isArray()) {
            problems.add(new Problem(
                    path,
                    ObjectFields.describe(node) + " is not a list of items; write e.g. items: [{id: {S: a},"
                            + " n: {N: \"1\"}}]"));
            return Optional.empty();
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < node.size(); i++) {
            try {
                items.add(DynamoJson.item(node.get(i)));
            } catch (ItemFormatException e) {
                ok = false;
                String message = e.getMessage();
                problems.add(new Problem(
                        path + "[" + i + "]",
                        message + " (items are written in DynamoDB JSON: {id: {S: a}, n: {N: \"1\"}})"));
            }
        }
        return ok ? Optional.of(new ItemSourceSpec.Inline(items)) : Optional.empty();
    }

    private Optional<ItemSourceSpec> file(JsonNode node, String path) {
        if (node.isTextual()) {
            return path(node.textValue(), path).map(ItemSourceSpec.File::of);
        }
        Optional<ObjectFields> found =
                ObjectFields.of(node, path, problems, FILE_FIELDS, "{path: users.csv, types: {age: N}}");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ObjectFields fields = found.get();
        Optional<Path> file =
                fields.requiredText("path", "path: users.jsonl").flatMap(p -> path(p, fields.pathOf("path")));
        Optional<ItemFileFormat> format = fields.text("format", "format: jsonl").flatMap(name -> {
            Optional<ItemFileFormat> named = ItemFileFormat.named(name);
            if (named.isEmpty()) {
                fields.problem(
                        "format",
                        Quote.of(name) + " is not an item file format; "
                                + DidYouMean.hint(name, ItemFileFormat.specNames())
                                + "use one of " + ItemFileFormat.names());
            }
            return named;
        });
        boolean header = fields.bool("header", "header: false").orElse(true);
        List<String> columns = new ArrayList<>();
        fields.node("columns").ifPresent(list -> {
            if (!list.isArray()) {
                fields.wrongType("columns", list, "a list of column names", "columns: [id, name, age]");
                return;
            }
            for (JsonNode name : list) {
                if (!name.isTextual() || name.textValue().isBlank()) {
                    fields.problem(
                            "columns",
                            ObjectFields.describe(name) + " is not a column name; write e.g."
                                    + " columns: [id, name, age]");
                    return;
                }
                columns.add(name.textValue());
            }
        });
        Map<String, CsvType> types = new LinkedHashMap<>();
        fields.node("types").ifPresent(map -> {
            if (!map.isObject()) {
                fields.wrongType("types", map, "a map of column names to types", "types: {age: N, active: BOOL}");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                Optional<CsvType> type = entry.getValue().isTextual()
                        ? CsvType.named(entry.getValue().textValue())
                        : Optional.empty();
                if (type.isEmpty()) {
                    problems.add(new Problem(
                            SpecPaths.field(fields.pathOf("types"), entry.getKey()),
                            ObjectFields.describe(entry.getValue()) + " is not a column type; use S, N, BOOL, B or"
                                    + " JSON (a DynamoDB JSON value per cell)"));
                } else {
                    types.put(entry.getKey(), type.get());
                }
            }
        });
        if (!header && columns.isEmpty() && file.isPresent()) {
            fields.problem(
                    "columns",
                    "missing; a CSV file without a header row needs its column names, e.g."
                            + " columns: [id, name, age]");
        }
        boolean csvOptions = fields.has("header") || fields.has("columns") || fields.has("types");
        if (csvOptions && format.isPresent() && format.get() != ItemFileFormat.CSV) {
            fields.problem("format", "header, columns and types are for CSV files; remove them or use format: csv");
        }
        Optional<String> table = fields.text("table", "table: users");
        if (table.isPresent() && format.isPresent() && format.get() != ItemFileFormat.BATCH_WRITE) {
            fields.problem(
                    "table",
                    "table picks the requests of a batch-write file; remove it or use" + " format: batch-write");
        }
        return file.map(p -> new ItemSourceSpec.File(p, format, header, columns, types, table, Optional.empty()));
    }

    private Optional<Path> path(String text, String path) {
        if (text.isBlank()) {
            problems.add(new Problem(path, "is empty; give the path of an item file, e.g. data/users.jsonl"));
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            problems.add(new Problem(path, Quote.of(text) + " is not a path: " + e.getReason()));
            return Optional.empty();
        }
    }
}
