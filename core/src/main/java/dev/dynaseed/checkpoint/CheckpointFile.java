package dev.dynaseed.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.seed.IndexRanges;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The checkpoint file: one entry per table seeded through it, as JSON. Written whole to a temporary file next to it
 * and renamed over it, so a process killed at any moment leaves the previous or the new version, never half of one.
 */
public final class CheckpointFile {
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    /** The entries as last written, by table name (guarded by this). */
    private final Map<String, Rendered> rendered = new HashMap<>();

    public CheckpointFile(Path path) {
        this.path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return Files.isRegularFile(path);
    }

    /** The entries by table name; none when the file does not exist. */
    public Map<String, TableCheckpoint> read() {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new CheckpointException("cannot read the checkpoint " + path + ": " + e.getMessage(), e);
        }
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null
                    || root.path("version").asInt() != VERSION
                    || !root.path("tables").isObject()) {
                throw new IllegalArgumentException("not a version " + VERSION + " checkpoint");
            }
            Map<String, TableCheckpoint> tables = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = root.get("tables").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                tables.put(entry.getKey(), table(entry.getKey(), entry.getValue()));
            }
            return tables;
        } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
            throw new CheckpointException(
                    "the checkpoint " + path + " is damaged ("
                            + e.getMessage().lines().findFirst().orElse("") + "); delete it and apply without --resume",
                    e);
        }
    }

    /**
     * Replaces the file with {@code tables}, atomically. A file holds every table seeded on its target and is
     * rewritten several times a second while a seed runs, so each table's entry is rendered once and kept until the
     * table's checkpoint changes (only the tables being seeded do): saving is copying text, however many tables a
     * long-lived endpoint has collected.
     */
    public synchronized void write(Map<String, TableCheckpoint> tables) {
        rendered.keySet().retainAll(tables.keySet());
        StringBuilder text = new StringBuilder(256 + 256 * tables.size());
        text.append("{\n  \"version\" : ").append(VERSION).append(",\n  \"tables\" : {");
        boolean first = true;
        for (Map.Entry<String, TableCheckpoint> entry : tables.entrySet()) {
            text.append(first ? "\n    " : ",\n    ").append(rendered(entry.getKey(), entry.getValue()));
            first = false;
        }
        text.append(first ? "}\n}\n" : "\n  }\n}\n");
        try {
            Path temporary;
            try {
                temporary = Files.createTempFile(path.getParent(), path.getFileName() + ".", ".tmp");
            } catch (NoSuchFileException e) {
                // The first save (or the folder was removed since): made here, not tried before every save.
                Files.createDirectories(path.getParent());
                temporary = Files.createTempFile(path.getParent(), path.getFileName() + ".", ".tmp");
            }
            try {
                Files.writeString(temporary, text);
                try {
                    Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new CheckpointException(
                    "cannot write the checkpoint " + path + ": " + e.getMessage()
                            + "; check that its folder is writable and the disk not full",
                    e);
        }
    }

    /** {@code "name" : {...}}, one line, from the last rendering when {@code table} is the one rendered then. */
    private String rendered(String name, TableCheckpoint table) {
        Rendered last = rendered.get(name);
        if (last != null && last.table() == table) {
            return last.json();
        }
        String json;
        try {
            json = JSON.writeValueAsString(name) + " : " + JSON.writeValueAsString(node(table));
        } catch (JsonProcessingException e) {
            // A tree of strings and numbers always renders.
            throw new IllegalStateException("rendering the checkpoint of table " + name + " failed", e);
        }
        rendered.put(name, new Rendered(table, json));
        return json;
    }

    /** A table's checkpoint (the very instance: they are immutable) and its entry in the file. */
    private record Rendered(TableCheckpoint table, String json) {}

    private static ObjectNode node(TableCheckpoint table) {
        ObjectNode node = JSON.createObjectNode();
        node.put("specDigest", table.spec().digest());
        ObjectNode fields = node.putObject("specFields");
        table.spec().fields().forEach(fields::put);
        node.put("count", table.count());
        node.put("runSeed", table.runSeed());
        node.put("baseTime", table.baseTime().toString());
        ArrayNode written = node.putArray("written");
        for (IndexRanges.Range range : table.written().ranges()) {
            written.addArray().add(range.from()).add(range.to());
        }
        node.put("complete", table.complete());
        return node;
    }

    private static TableCheckpoint table(String name, JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        node.path("specFields")
                .fields()
                .forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
        List<IndexRanges.Range> ranges = new ArrayList<>();
        for (JsonNode range : node.path("written")) {
            ranges.add(
                    new IndexRanges.Range(range.path(0).asLong(), range.path(1).asLong()));
        }
        if (!node.path("specDigest").isTextual() || !node.path("runSeed").isNumber()) {
            throw new IllegalArgumentException("table '" + name + "' lacks specDigest or runSeed");
        }
        return new TableCheckpoint(
                name,
                new TableDigest(node.get("specDigest").asText(), fields),
                node.path("count").asLong(),
                node.get("runSeed").asLong(),
                Instant.parse(node.path("baseTime").asText()),
                IndexRanges.of(ranges),
                node.path("complete").asBoolean());
    }
}
