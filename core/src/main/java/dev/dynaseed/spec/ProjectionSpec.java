package dev.dynaseed.spec;

import java.util.List;
import java.util.Objects;

/**
 * Which attributes an index holds besides its keys.
 *
 * @param type ALL, KEYS_ONLY or INCLUDE
 * @param nonKeyAttributes the attributes INCLUDE adds; empty for the other types
 */
public record ProjectionSpec(Type type, List<String> nonKeyAttributes) {

    /** DynamoDB's projection types. */
    public enum Type {
        ALL,
        KEYS_ONLY,
        INCLUDE
    }

    public ProjectionSpec {
        Objects.requireNonNull(type, "type");
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    /** Every attribute (the default when a spec does not say). */
    public static ProjectionSpec all() {
        return new ProjectionSpec(Type.ALL, List.of());
    }

    @Override
    public String toString() {
        return type == Type.INCLUDE ? "INCLUDE " + nonKeyAttributes : type.name();
    }
}
