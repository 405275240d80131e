package dev.dynaseed.spec;

import java.util.Objects;

/**
 * One thing wrong with a spec: where it is and what to do about it.
 *
 * @param path where in the spec, e.g. {@code tables[1].sortKey.type}
 * @param message what is wrong and how to fix it
 */
public record Problem(String path, String message) {
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
