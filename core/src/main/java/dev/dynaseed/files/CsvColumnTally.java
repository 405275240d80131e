package dev.dynaseed.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The types one CSV column of an export holds, and the text written for them, to tell which values a reimport reads
 * back as another type: it types the column as {@link CsvInference} does (N when every cell is a canonical number,
 * BOOL when each is true or false, else S), so a column of N and S values, a set written as DynamoDB JSON text, or an
 * empty string (an empty cell is no attribute) does not come back as written.
 */
final class CsvColumnTally {
    private final Map<AttributeValue.Type, Long> types = new LinkedHashMap<>();
    private long cells;
    private long numbers;
    private long booleans;
    private long empty;

    void add(AttributeValue.Type type, String cell) {
        if (cell.isEmpty()) {
            empty++;
            return;
        }
        types.merge(type, 1L, Long::sum);
        cells++;
        if (Numbers.canonical(cell)) {
            numbers++;
        }
        if (cell.equals("true") || cell.equals("false")) {
            booleans++;
        }
    }

    /** What a reimport of {@code column} would not read back as written, in words; empty when nothing. */
    Optional<String> loss(String column) {
        List<String> parts = new ArrayList<>();
        if (cells > 0) {
            AttributeValue.Type read = cells == numbers
                    ? AttributeValue.Type.N
                    : cells == booleans ? AttributeValue.Type.BOOL : AttributeValue.Type.S;
            long changed = cells - types.getOrDefault(read, 0L);
            if (types.size() > 1) {
                parts.add("holds " + holds() + ": on reimport the column is read as one type (" + name(read) + "), so "
                        + changed + (changed == 1 ? " value changes" : " values change") + " type");
            } else if (changed > 0) {
                AttributeValue.Type type = types.keySet().iterator().next();
                parts.add(changed + " " + name(type) + " value" + (changed == 1 ? "" : "s") + " " + written(type, read)
                        + ", read back as " + name(read) + " unless the spec says types: {" + column + ": "
                        + typeName(type) + "}");
            }
        }
        if (empty > 0) {
            parts.add(empty + " empty string" + (empty == 1 ? "" : "s") + " left out (an empty cell is no attribute)");
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                "column " + column + (parts.get(0).startsWith("holds ") ? " " : ": ") + String.join(", ", parts));
    }

    /** E.g. {@code N in 1 item and S in 1}. */
    private String holds() {
        StringBuilder text = new StringBuilder();
        int i = 0;
        for (Map.Entry<AttributeValue.Type, Long> type : types.entrySet()) {
            if (i > 0) {
                text.append(i == types.size() - 1 ? " and " : ", ");
            }
            text.append(name(type.getKey())).append(" in ").append(type.getValue());
            if (i == 0) {
                text.append(type.getValue() == 1 ? " item" : " items");
            }
            i++;
        }
        return text.toString();
    }

    private static String written(AttributeValue.Type type, AttributeValue.Type read) {
        return switch (type) {
            case B -> "written as base64 text";
            case NUL, SS, NS, BS, L, M -> "written as DynamoDB JSON text";
            case S -> read == AttributeValue.Type.N ? "that look like numbers" : "that are true or false";
            case N -> "not written as DynamoDB writes numbers";
            case BOOL, UNKNOWN_TO_SDK_VERSION -> "written as text";
        };
    }

    /** The type's name as DynamoDB writes it ({@code NULL}, where the SDK says {@code NUL}). */
    private static String name(AttributeValue.Type type) {
        return type == AttributeValue.Type.NUL ? "NULL" : type.toString();
    }

    /** The {@code types:} name that reads {@code type} back exactly. */
    private static String typeName(AttributeValue.Type type) {
        return switch (type) {
            case S, N, BOOL, B -> type.toString();
            case NUL, SS, NS, BS, L, M, UNKNOWN_TO_SDK_VERSION -> "JSON";
        };
    }
}
