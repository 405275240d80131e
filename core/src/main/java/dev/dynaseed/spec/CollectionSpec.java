package dev.dynaseed.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A one-to-many collection of a single-table design: each parent item gets {@code perParent} child items (a whole
 * number generator: a fixed count, a range or a distribution), each made by {@code attributes}.
 *
 * @param name the child item type, e.g. {@code order}
 * @param perParent how many children each parent gets, a generator of whole numbers of at least 0
 * @param attributes the child's generators; templates may read the parent's attributes as {@code {parent.name}}
 */
public record CollectionSpec(String name, GeneratorSpec perParent, Map<String, GeneratorSpec> attributes) {
    public CollectionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(perParent, "perParent");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
