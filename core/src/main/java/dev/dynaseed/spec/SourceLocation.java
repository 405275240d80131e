package dev.dynaseed.spec;

import java.util.Objects;

/**
 * Where a part of a spec was written: the file (or other source, e.g. {@code event.spec}) with 1-based line and
 * column, shown as {@code dynaseed.yaml:12:7} like a compiler's messages.
 *
 * @param source the file or other source the spec was read from
 * @param line the line, from 1
 * @param column the column, from 1
 */
public record SourceLocation(String source, int line, int column) {
    public SourceLocation {
        Objects.requireNonNull(source, "source");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column start at 1, got " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return source + ":" + line + ":" + column;
    }
}
