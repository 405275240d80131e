package dev.dynaseed.plan;

import java.util.List;

/** What applying a spec would do, one change per table, in spec order. */
public record Plan(List<TableChange> changes) {
    public Plan {
        changes = List.copyOf(changes);
    }
}
