package dev.dynaseed.files;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * CSV out: a header of every attribute name met (in the order met), then one row per item. The names are only known
 * at the end, so rows go to a file beside the target first and the header is written before them when closing;
 * rows written before a column appeared simply end early (a reader takes missing cells as absent attributes).
 * Strings, numbers and booleans are written as text, binary as base64, sets, lists, maps and nulls as DynamoDB JSON
 * text; each column's values are tallied so that what a reimport would read differently is counted (see
 * {@link CsvColumnTally}).
 */
final class CsvItemWriter extends ItemFileWriter {
    private final Path file;
    private final Path rows;
    private final Writer out;
    private final List<String> columns = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private final Map<String, CsvColumnTally> tallies = new HashMap<>();
    private boolean closed;

    CsvItemWriter(Path file) throws IOException {
        this.file = file;
        this.rows = file.resolveSibling(file.getFileName() + ".rows");
        this.out = new BufferedWriter(
                new java.io.OutputStreamWriter(Files.newOutputStream(rows), StandardCharsets.UTF_8), 64 * 1024);
    }

    @Override
    void append(Map<String, AttributeValue> item) throws IOException {
        String[] cells = new String[columns.size() + item.size()];
        int last = -1;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            Integer position = positions.get(attribute.getKey());
            if (position == null) {
                position = columns.size();
                columns.add(attribute.getKey());
                positions.put(attribute.getKey(), position);
            }
            cells[position] = cell(attribute.getKey(), attribute.getValue());
            last = Math.max(last, position);
        }
        StringBuilder row = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                row.append(',');
            }
            if (cells[i] != null) {
                row.append(quote(cells[i]));
            }
        }
        out.write(row.append("\r\n").toString());
    }

    private String cell(String column, AttributeValue value) throws IOException {
        String cell = switch (value.type()) {
            case S -> value.s();
            case N -> value.n();
            case BOOL -> value.bool().toString();
            case B -> DynamoJson.base64(value.b());
            case NUL, SS, NS, BS, L, M -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (JsonGenerator json = ItemJson.MAPPER.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
                    DynamoJson.write(json, value);
                }
                yield bytes.toString(StandardCharsets.UTF_8);
            }
            case UNKNOWN_TO_SDK_VERSION -> throw new IOException("a value of a type this SDK does not know: " + value);
        };
        tallies.computeIfAbsent(column, name -> new CsvColumnTally()).add(value.type(), cell);
        return cell;
    }

    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        out.close();
        for (String column : columns) {
            tallies.get(column).loss(column).ifPresent(note -> losses().column(note));
        }
        try (OutputStream target = Files.newOutputStream(file);
                InputStream body = Files.newInputStream(rows)) {
            List<String> header = new ArrayList<>();
            for (String column : columns) {
                header.add(quote(column));
            }
            if (!columns.isEmpty()) {
                target.write((String.join(",", header) + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.transferTo(target);
        } finally {
            Files.deleteIfExists(rows);
        }
    }
}
