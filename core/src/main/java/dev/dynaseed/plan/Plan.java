package dev.dynaseed.plan;

import java.util.List;

/** What applying a spec would do, one change per table, in spec order. */
public record Plan(List<TableChange> changes) {
    public Plan {
        changes = List.copyOf(changes);
    }

    /** How many changes are of {@code kind}, e.g. {@code count(TableChange.Create.class)}. */
    public long count(Class<? extends TableChange> kind) {
        return changes.stream().filter(kind::isInstance).count();
    }
}
