package dev.dynaseed.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dynaseed.spec.ItemSourceSpec.CsvType;
import dev.dynaseed.spec.internal.DidYouMean;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * CSV rows as items: a header row (or the spec's column list) names the attributes, each column has a type (given, or
 * inferred: see {@link CsvInference}), and an empty cell leaves its attribute out.
 */
final class CsvEntries implements EntryReader {
    private final Reader in;
    private final CsvRecords records;
    private final boolean header;
    private final List<String> given;
    private final Map<String, CsvType> types;
    private final Set<String> typed;
    private final ItemCheck check;
    private final Optional<CsvInference> inference;
    private List<String> columns;
    private boolean done;

    /**
     * @param types the type of each column known; a column without one is read as S (and inferred, when
     *     {@code inference} is present)
     * @param typed the columns the spec's {@code types:} names: each must be a column
     */
    CsvEntries(
            Reader in,
            boolean header,
            List<String> columns,
            Map<String, CsvType> types,
            Set<String> typed,
            ItemCheck check,
            Optional<CsvInference> inference) {
        this.in = in;
        this.records = new CsvRecords(in);
        this.header = header;
        this.given = List.copyOf(columns);
        this.types = Map.copyOf(types);
        this.typed = Set.copyOf(typed);
        this.check = check;
        this.inference = inference;
    }

    /** The column names, once the header (if any) was read. */
    List<String> columns() {
        return columns == null ? given : columns;
    }

    @Override
    public Entry next() {
        if (done) {
            return null;
        }
        try {
            CsvRecords.Row row = records.next();
            if (row == null) {
                done = true;
                return null;
            }
            if (row.problem() != null) {
                done = row.last();
                return new Entry.Bad(
                        row.line(), row.columns().isEmpty() ? 0 : row.column(0), row.problem(), row.last());
            }
            if (columns == null) {
                Optional<Entry> problem = columns(row);
                if (problem.isPresent()) {
                    return problem.get();
                }
                if (header) {
                    return next();
                }
            }
            return item(row);
        } catch (IOException e) {
            done = true;
            return new Entry.Bad(0, TextInput.describe(e), true);
        }
    }

    private Optional<Entry> columns(CsvRecords.Row first) {
        List<String> names = new ArrayList<>();
        if (header) {
            // RFC 4180 2.4: spaces are part of a field, so " name" is not "name".
            names.addAll(first.cells());
            if (!given.isEmpty()) {
                if (given.size() != names.size()) {
                    done = true;
                    return Optional.of(new Entry.Bad(
                            first.line(),
                            "the header has " + names.size()
                                    + " columns, but the spec's columns list names " + given.size()
                                    + "; list one name per column",
                            true));
                }
                names = new ArrayList<>(given);
            }
        } else {
            names.addAll(given);
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name.isEmpty() || !seen.add(name)) {
                done = true;
                return Optional.of(new Entry.Bad(
                        first.line(),
                        (name.isEmpty()
                                        ? "the header has an empty column name"
                                        : "the header names the column " + name + " twice")
                                + "; name every column once, e.g. id,name,price",
                        true));
            }
        }
        for (String name : typed) {
            if (!seen.contains(name)) {
                done = true;
                return Optional.of(new Entry.Bad(
                        first.line(),
                        "types: names the column '" + name + "', but the "
                                + (header && given.isEmpty() ? "header" : "columns list") + " has no such column ("
                                + String.join(",", names) + "); " + DidYouMean.hint(name, names)
                                + "name a column exactly as written there, spaces included",
                        true));
            }
        }
        columns = List.copyOf(names);
        inference.ifPresent(i -> i.columns(columns));
        return Optional.empty();
    }

    private Entry item(CsvRecords.Row row) {
        List<String> cells = row.cells();
        if (cells.size() > columns.size()) {
            return new Entry.Bad(
                    row.line(),
                    row.column(columns.size()),
                    "has " + cells.size() + " cells, but there are " + columns.size() + " columns ("
                            + String.join(",", columns) + "); quote cells that hold commas",
                    false);
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        StringBuilder problems = new StringBuilder();
        long firstBad = 0;
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell.isEmpty()) {
                continue;
            }
            String column = columns.get(i);
            CsvType type = types.get(column);
            try {
                item.put(column, value(cell, type == null ? CsvType.S : type, column));
            } catch (ItemFormatException e) {
                // Every bad cell of the row at once, so that one fix round is enough.
                if (firstBad == 0) {
                    firstBad = row.column(i);
                    problems.append(e.getMessage());
                } else {
                    problems.append("; at column ")
                            .append(row.column(i))
                            .append(": ")
                            .append(e.getMessage());
                }
            }
        }
        if (firstBad > 0) {
            return new Entry.Bad(row.line(), firstBad, problems.toString(), false);
        }
        Optional<String> problem = check.problem(item, false);
        if (problem.isPresent()) {
            return new Entry.Bad(row.line(), row.column(0), problem.get(), false);
        }
        inference.ifPresent(i -> i.row(cells));
        return new Entry.Put(row.line(), item);
    }

    static AttributeValue value(String cell, CsvType type, String column) throws ItemFormatException {
        return switch (type) {
            case S -> AttributeValue.fromS(cell);
            case N -> AttributeValue.fromN(Numbers.check(cell.trim(), column));
            case BOOL -> {
                String text = cell.trim();
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw new ItemFormatException(column + " is \"" + shown(cell) + "\", not true or false");
                }
                yield AttributeValue.fromBool(Boolean.parseBoolean(text));
            }
            case B -> {
                try {
                    yield AttributeValue.fromB(
                            SdkBytes.fromByteArray(Base64.getDecoder().decode(cell.trim())));
                } catch (IllegalArgumentException e) {
                    throw new ItemFormatException(column + " is not base64 (" + e.getMessage() + ")");
                }
            }
            case JSON -> {
                try {
                    yield DynamoJson.value(ItemJson.ONE_VALUE.readTree(cell), column);
                } catch (JsonProcessingException e) {
                    throw new ItemFormatException(column + " " + ItemJson.syntax(e)
                            + "; a JSON column holds a DynamoDB JSON value such as {\"SS\": [\"a\"]}");
                }
            }
        };
    }

    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
