package dev.dynaseed.spec;

import java.util.Objects;

/** A key attribute of a table: its name and DynamoDB type. */
public record KeySpec(String name, KeyType type) {
    public KeySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return name + " (" + type + ")";
    }
}
