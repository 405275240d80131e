package dev.dynaseed.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One item per line (JSON Lines, DynamoDB JSON lines, S3 export lines); blank lines are passed over. */
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
        try {
            Map<String, AttributeValue> item = ItemJson.item(node, typed);
            Optional<String> problem = check.problem(item, false);
            return problem.<Entry>map(why -> new Entry.Bad(number, column, why, false))
                    .orElseGet(() -> new Entry.Put(number, item));
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
