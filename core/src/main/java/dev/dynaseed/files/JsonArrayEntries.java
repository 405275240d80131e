package dev.dynaseed.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One JSON array of items (plain or typed: JSON, serverless sources and rawsources, DynamoDB JSON arrays), read
 * element by element with Jackson's streaming parser; an item's line is the line its element starts on.
 */
final class JsonArrayEntries implements EntryReader {
    private final JsonParser parser;
    private final boolean typed;
    private final ItemCheck check;
    private boolean started;
    private boolean done;

    JsonArrayEntries(InputStream in, boolean typed, ItemCheck check) throws IOException {
        this.parser = ItemJson.parser(in);
        this.typed = typed;
        this.check = check;
    }

    @Override
    public Entry next() {
        if (done) {
            return null;
        }
        long line = 1;
        try {
            if (!started) {
                started = true;
                JsonToken first = parser.nextToken();
                if (first == null) {
                    done = true;
                    return null;
                }
                if (first != JsonToken.START_ARRAY) {
                    return last(
                            line(),
                            "starts with " + first.asString() + ", but this format is one JSON array of items,"
                                    + " e.g. [{\"id\": \"a\"}]");
                }
            }
            JsonToken token = parser.nextToken();
            line = line();
            long column = column();
            if (token == null) {
                return last(line, "ends before its array is closed (a truncated file?)");
            }
            if (token == JsonToken.END_ARRAY) {
                if (parser.nextToken() != null) {
                    return last(line(), "holds more after its array of items; one array per file");
                }
                done = true;
                return null;
            }
            JsonNode node = parser.readValueAsTree();
            try {
                Map<String, AttributeValue> item = ItemJson.item(node, typed);
                Optional<String> problem = check.problem(item, false);
                long at = line;
                return problem.<Entry>map(why -> new Entry.Bad(at, column, why, false))
                        .orElseGet(() -> new Entry.Put(at, item));
            } catch (ItemFormatException e) {
                return new Entry.Bad(line, column, e.getMessage(), false);
            }
        } catch (JsonProcessingException e) {
            done = true;
            return new Entry.Bad(
                    e.getLocation() == null ? line : e.getLocation().getLineNr(),
                    ItemJson.column(e, 0),
                    ItemJson.syntax(e) + "; nothing after it can be read",
                    true);
        } catch (IOException e) {
            return last(line(), TextInput.describe(e));
        }
    }

    private long line() {
        return Math.max(1, parser.currentTokenLocation().getLineNr());
    }

    private long column() {
        return Math.max(0, parser.currentTokenLocation().getColumnNr());
    }

    private Entry last(long line, String reason) {
        done = true;
        return new Entry.Bad(line, column(), reason, true);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
