package dev.dynaseed.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An {@code aws dynamodb batch-write-item} request file ({@code {"Table": [{"PutRequest": {"Item": {...}}},
 * {"DeleteRequest": {"Key": {...}}}]}}): the requests for one table, streamed; other tables' requests are passed
 * over (and named, when the table has none).
 */
final class BatchWriteEntries implements EntryReader {
    private final JsonParser parser;
    private final String table;
    private final ItemCheck check;
    private final Map<String, Long> tables = new LinkedHashMap<>();
    private boolean started;
    private boolean inTable;
    private boolean done;

    BatchWriteEntries(InputStream in, String table, ItemCheck check) throws IOException {
        this.parser = ItemJson.parser(in);
        this.table = table;
        this.check = check;
    }

    /** The tables the file held requests for, as far as it was read, each with its count of requests. */
    Map<String, Long> tables() {
        return tables;
    }

    @Override
    public Entry next() {
        if (done) {
            return null;
        }
        try {
            if (!started) {
                started = true;
                JsonToken first = parser.nextToken();
                if (first == null) {
                    done = true;
                    return null;
                }
                if (first != JsonToken.START_OBJECT) {
                    return last("starts with " + first.asString() + ", but a batch-write-item request file is an"
                            + " object of table names to requests, e.g. {\"users\": [{\"PutRequest\": {\"Item\":"
                            + " {\"id\": {\"S\": \"a\"}}}}]}");
                }
            }
            while (true) {
                if (inTable) {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY) {
                        inTable = false;
                        continue;
                    }
                    if (token == null) {
                        return last("ends before its list of requests is closed (a truncated file?)");
                    }
                    long line = line();
                    long column = Math.max(0, parser.currentTokenLocation().getColumnNr());
                    JsonNode request = parser.readValueAsTree();
                    tables.merge(table, 1L, Long::sum);
                    return request(line, column, request);
                }
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_OBJECT) {
                    if (parser.nextToken() != null) {
                        return last("holds more after its object of requests; one object per file");
                    }
                    done = true;
                    return null;
                }
                if (token != JsonToken.FIELD_NAME) {
                    return last(
                            token == null
                                    ? "ends before its object is closed (a truncated file?)"
                                    : "holds " + token.asString() + " where a table name belongs");
                }
                String name = parser.currentName();
                tables.putIfAbsent(name, 0L);
                JsonToken value = parser.nextToken();
                if (value != JsonToken.START_ARRAY) {
                    return last("has " + name + ": " + (value == null ? "nothing" : value.asString())
                            + "; each table holds a list of PutRequest and DeleteRequest objects");
                }
                if (name.equals(table)) {
                    inTable = true;
                } else {
                    long count = 0;
                    for (JsonToken element = parser.nextToken();
                            element != JsonToken.END_ARRAY;
                            element = parser.nextToken()) {
                        if (element == null) {
                            return last("ends before its list of requests is closed (a truncated file?)");
                        }
                        parser.skipChildren();
                        count++;
                    }
                    tables.merge(name, count, Long::sum);
                }
            }
        } catch (JsonProcessingException e) {
            done = true;
            long line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            return new Entry.Bad(
                    line, ItemJson.column(e, 0), ItemJson.syntax(e) + "; nothing after it can be read", true);
        } catch (IOException e) {
            return last(TextInput.describe(e));
        }
    }

    private Entry request(long line, long column, JsonNode request) {
        try {
            if (request.isObject() && request.size() == 1 && request.has("PutRequest")) {
                JsonNode item = request.get("PutRequest").get("Item");
                if (item == null) {
                    return new Entry.Bad(
                            line,
                            column,
                            "has a PutRequest without an Item; write {\"PutRequest\": {\"Item\":"
                                    + " {\"id\": {\"S\": \"a\"}}}}",
                            false);
                }
                Map<String, AttributeValue> typed = DynamoJson.item(item);
                Optional<String> problem = check.problem(typed, false);
                return problem.<Entry>map(why -> new Entry.Bad(line, column, why, false))
                        .orElseGet(() -> new Entry.Put(line, typed));
            }
            if (request.isObject() && request.size() == 1 && request.has("DeleteRequest")) {
                JsonNode key = request.get("DeleteRequest").get("Key");
                if (key == null) {
                    return new Entry.Bad(
                            line,
                            column,
                            "has a DeleteRequest without a Key; write {\"DeleteRequest\": {\"Key\":"
                                    + " {\"id\": {\"S\": \"a\"}}}}",
                            false);
                }
                Map<String, AttributeValue> typed = DynamoJson.item(key);
                Optional<String> problem = check.problem(typed, true);
                return problem.<Entry>map(why -> new Entry.Bad(line, column, why, false))
                        .orElseGet(() -> new Entry.Delete(line, typed));
            }
            if (request.isObject() && request.has("UpdateRequest")) {
                return new Entry.Bad(
                        line,
                        column,
                        "holds an UpdateRequest, which BatchWriteItem does not take (only PutRequest and"
                                + " DeleteRequest); write the whole item as {\"PutRequest\": {\"Item\": {...}}}",
                        false);
            }
            return new Entry.Bad(
                    line,
                    column,
                    "is " + DynamoJson.describe(request)
                            + ", not a request; write {\"PutRequest\": {\"Item\": {...}}} or {\"DeleteRequest\": {\"Key\":"
                            + " {...}}}",
                    false);
        } catch (ItemFormatException e) {
            return new Entry.Bad(line, column, e.getMessage(), false);
        }
    }

    private long line() {
        return Math.max(1, parser.currentTokenLocation().getLineNr());
    }

    private Entry last(String reason) {
        done = true;
        return new Entry.Bad(line(), Math.max(0, parser.currentTokenLocation().getColumnNr()), reason, true);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
