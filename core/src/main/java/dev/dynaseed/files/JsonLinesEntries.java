package dev.dynaseed.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item per line (JSON Lines, DynamoDB JSON lines, S3 export lines, incremental export lines: a NewImage is a put,
 * Keys without one a delete); blank lines are passed over.
 */
final class JsonLinesEntries implements EntryReader {
    private final Reader in;
    private final LineReader lines;
    private final boolean typed;
    private final ItemCheck check;
    private boolean done;

    JsonLinesEntries(Reader in, boolean typed, ItemCheck check) {
        this.in = in;
        this.lines = new LineReader(in);
        this.typed = typed;
        this.check = check;
    }

    @Override
    public Entry next() {
        if (done) {
            return null;
        }
        while (true) {
            LineReader.Line line;
            try {
                line = lines.next();
            } catch (IOException e) {
                done = true;
                return new Entry.Bad(lines.number() + 1, TextInput.describe(e), true);
            }
            if (line == null) {
                done = true;
                return null;
            }
            if (line.tooLong()) {
                return new Entry.Bad(
                        line.number(),
                        "is longer than " + LineReader.MAX_LINE_CHARS + " characters; no item of DynamoDB's 400 KB"
                                + " needs that much (one item per line?)",
                        false);
            }
            if (line.text().isBlank()) {
                continue;
            }
            return entry(line.number(), line.text(), start(line.text()));
        }
    }

    private Entry entry(long number, String text, long column) {
        JsonNode node;
        try {
            node = ItemJson.ONE_VALUE.readTree(text);
        } catch (JsonProcessingException e) {
            return new Entry.Bad(number, ItemJson.column(e, column), ItemJson.syntax(e), false);
        }
        if (typed && incremental(node)) {
            return change(number, column, node);
        }
        try {
            Map<String, AttributeValue> item = ItemJson.item(node, typed);
            Optional<String> problem = check.problem(item, false);
            return problem.<Entry>map(why -> new Entry.Bad(number, column, why, false))
                    .orElseGet(() -> new Entry.Put(number, item));
        } catch (ItemFormatException e) {
            return new Entry.Bad(number, column, e.getMessage(), false);
        }
    }

    /**
     * Whether {@code node} is a line of DynamoDB's incremental export to S3: {@code {"Metadata": {...}, "Keys":
     * {...}, "NewImage": {...}, "OldImage": {...}}}, the images as the view type gives them.
     */
    static boolean incremental(JsonNode node) {
        return node.isObject() && node.has("Metadata") && node.has("Keys");
    }

    /** An incremental export line: its NewImage is the item now (a put); without one the item was deleted. */
    private Entry change(long number, long column, JsonNode node) {
        try {
            JsonNode image = node.get("NewImage");
            if (image != null && !image.isNull()) {
                Map<String, AttributeValue> item = DynamoJson.item(image);
                Optional<String> problem = check.problem(item, false);
                return problem.<Entry>map(why -> new Entry.Bad(number, column, "NewImage " + why, false))
                        .orElseGet(() -> new Entry.Put(number, item));
            }
            Map<String, AttributeValue> key = DynamoJson.item(node.get("Keys"));
            Optional<String> problem = check.problem(key, true);
            return problem.<Entry>map(why -> new Entry.Bad(number, column, "Keys " + why, false))
                    .orElseGet(() -> new Entry.Delete(number, key));
        } catch (ItemFormatException e) {
            return new Entry.Bad(number, column, e.getMessage(), false);
        }
    }

    /** The column of the line's first character that is not blank: where its item starts. */
    private static long start(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i + 1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
