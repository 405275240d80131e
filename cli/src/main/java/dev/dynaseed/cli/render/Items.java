package dev.dynaseed.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Renders DynamoDB items for people (a table) and for machines (plain JSON values). */
public final class Items {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_CELL = 48;

    private Items() {}

    /** An aligned table of items: key attributes first, then the others in order of first appearance. */
    public static TextTable table(List<Map<String, AttributeValue>> items, List<String> keyNames) {
        Set<String> columns = new LinkedHashSet<>(keyNames);
        items.forEach(item -> columns.addAll(item.keySet()));
        List<String> headers = new ArrayList<>(columns);
        TextTable table = TextTable.of(headers, Set.of());
        for (Map<String, AttributeValue> item : items) {
            List<String> cells = new ArrayList<>();
            for (String column : headers) {
                AttributeValue value = item.get(column);
                cells.add(value == null ? "" : shorten(text(value)));
            }
            table.row(cells);
        }
        return table;
    }

    /** One value as text: strings and numbers as they are, anything else as JSON. */
    public static String text(AttributeValue value) {
        if (value.s() != null) {
            return value.s();
        }
        if (value.n() != null) {
            return value.n();
        }
        return json(value).toString();
    }

    /** An item as a JSON object of plain values (numbers as JSON numbers, binary as base64). */
    public static ObjectNode json(Map<String, AttributeValue> item) {
        ObjectNode node = NODES.objectNode();
        item.forEach((name, value) -> node.set(name, json(value)));
        return node;
    }

    /** One value as plain JSON. */
    public static JsonNode json(AttributeValue value) {
        return switch (value.type()) {
            case S -> NODES.textNode(value.s());
            case N -> NODES.numberNode(new BigDecimal(value.n()));
            case B ->
                NODES.textNode(Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case BOOL -> NODES.booleanNode(value.bool());
            case NUL -> NODES.nullNode();
            case SS -> strings(value.ss());
            case NS -> {
                ArrayNode array = NODES.arrayNode();
                value.ns().forEach(n -> array.add(new BigDecimal(n)));
                yield array;
            }
            case BS -> {
                ArrayNode array = NODES.arrayNode();
                value.bs().forEach(b -> array.add(Base64.getEncoder().encodeToString(b.asByteArray())));
                yield array;
            }
            case L -> {
                ArrayNode array = NODES.arrayNode();
                value.l().forEach(element -> array.add(json(element)));
                yield array;
            }
            case M -> json(value.m());
            case UNKNOWN_TO_SDK_VERSION -> NODES.textNode(String.valueOf(value));
        };
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static String shorten(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= MAX_CELL ? oneLine : oneLine.substring(0, MAX_CELL - 1) + "…";
    }
}
