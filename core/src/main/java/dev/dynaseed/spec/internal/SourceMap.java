package dev.dynaseed.spec.internal;

import dev.dynaseed.spec.SourceLocation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Where each path of a spec was written (line and column of its value), for placing problems in their file. */
public final class SourceMap {
    private final String source;
    private final Map<String, Long> positions = new HashMap<>();

    public SourceMap(String source) {
        this.source = source;
    }

    /** A map that knows no place: for specs that did not come from text. */
    public static SourceMap none() {
        return new SourceMap("");
    }

    /** Records where {@code path} was written, unless it is known already (the first place wins). */
    void put(String path, int line, int column) {
        positions.putIfAbsent(path, ((long) line << 32) | column);
    }

    /** The place of {@code path}, if it was recorded. */
    public Optional<SourceLocation> exactly(String path) {
        Long position = positions.get(path);
        return position == null
                ? Optional.empty()
                : Optional.of(new SourceLocation(source, (int) (position >>> 32), (int) (long) position));
    }

    /**
     * The place of {@code path}, or of the nearest enclosing path that was written (a missing field is placed at
     * the object that lacks it).
     */
    public Optional<SourceLocation> nearest(String path) {
        String at = path;
        while (true) {
            Optional<SourceLocation> found = exactly(at);
            if (found.isPresent() || at.isEmpty()) {
                return found;
            }
            at = SpecPaths.parent(at);
        }
    }
}
