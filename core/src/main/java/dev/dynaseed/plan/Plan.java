package dev.dynaseed.plan;

import java.util.List;

/** What applying a spec would do, one change per table, in spec order. */
public record Plan(List<TableChange> changes) {
    public Plan {
        changes = List.copyOf(changes);
    }

    /** How many changes are of {@code kind}, e.g. {@code count(TableChange.Kind.CREATE)}. */
    public long count(TableChange.Kind kind) {
        return changes.stream().filter(change -> change.kind() == kind).count();
    }
}
