package dev.dynaseed.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a spec: where it is and what to do about it.
 *
 * @param path where in the spec, e.g. {@code tables[1].sortKey.type}; empty for the spec as a whole
 * @param message what is wrong and how to fix it
 * @param location where the path was written, when the spec was read from text
 */
public record Problem(String path, String message, Optional<SourceLocation> location) {
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
    }

    /** A problem not (yet) tied to a place in a file. */
    public Problem(String path, String message) {
        this(path, message, Optional.empty());
    }

    /** This problem, placed at {@code location}. */
    public Problem at(SourceLocation location) {
        return new Problem(path, message, Optional.of(location));
    }

    /** {@code dynaseed.yaml:12:7: tables[1].sortKey.type: 'INT' is not ...}; parts that are unknown are left out. */
    @Override
    public String toString() {
        String where = location.map(l -> l + ": ").orElse("");
        return where + (path.isEmpty() ? message : path + ": " + message);
    }
}
