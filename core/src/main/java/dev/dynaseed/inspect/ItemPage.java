package dev.dynaseed.inspect;

import java.util.List;
import java.util.Objects;

/** The first items of a table and the names of its key attributes (partition key first). */
public record ItemPage(List<String> keyNames, List<Item> items) {
    public ItemPage {
        keyNames = List.copyOf(Objects.requireNonNull(keyNames, "keyNames"));
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }
}
