package dev.dynaseed.inspect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One item read from a table, attribute name to value, in the order DynamoDB returned them. */
public record Item(Map<String, ItemValue> attributes) {
    public Item {
        Objects.requireNonNull(attributes, "attributes");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
