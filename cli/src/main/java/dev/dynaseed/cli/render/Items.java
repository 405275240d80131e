package dev.dynaseed.cli.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.inspect.Item;
import dev.dynaseed.inspect.ItemValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Renders items for people (a table) and for machines (plain JSON values). */
public final class Items {
    private static final int MAX_CELL = 48;

    private Items() {}

    /** An aligned table of items: key attributes first, then the others in order of first appearance. */
    public static TextTable table(List<Item> items, List<String> keyNames) {
        Set<String> columns = new LinkedHashSet<>(keyNames);
        items.forEach(item -> columns.addAll(item.attributes().keySet()));
        List<String> headers = new ArrayList<>(columns);
        TextTable table = TextTable.of(headers, Set.of());
        for (Item item : items) {
            List<String> cells = new ArrayList<>();
            for (String column : headers) {
                ItemValue value = item.attributes().get(column);
                cells.add(value == null ? "" : shorten(value.text()));
            }
            table.row(cells);
        }
        return table;
    }

    /** An item as a JSON object of plain values (numbers as JSON numbers, binary as base64). */
    public static ObjectNode json(Item item) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        item.attributes().forEach((name, value) -> node.set(name, value.json()));
        return node;
    }

    private static String shorten(String text) {
        String oneLine = TextTable.visible(text);
        return oneLine.length() <= MAX_CELL ? oneLine : oneLine.substring(0, MAX_CELL - 1) + "…";
    }
}
