package dev.dynaseed.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One item type of a single-table design: how many items of it, one generator per attribute, and the collections
 * of child items each of them owns (e.g. each user's orders, written under the user's partition key).
 *
 * @param name the entity's name, e.g. {@code user}; templates of its children reach it as {@code parent}
 * @param count how many items of this type are written per run
 * @param attributes its generators, in the order the attributes are written
 * @param collections the child item types each item of this entity owns
 */
public record EntitySpec(
        String name, long count, Map<String, GeneratorSpec> attributes, List<CollectionSpec> collections) {
    public EntitySpec {
        Objects.requireNonNull(name, "name");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        collections = List.copyOf(collections);
    }
}
