package dev.dynaseed.plan;

import dev.dynaseed.spec.TableSpec;
import java.util.List;
import java.util.Objects;

/** What applying a spec would do to one table. */
public sealed interface TableChange {

    TableSpec table();

    /** The table does not exist and will be created. */
    record Create(TableSpec table) implements TableChange {
        public Create {
            Objects.requireNonNull(table, "table");
        }
    }

    /** The table exists and matches the spec. */
    record NoChange(TableSpec table) implements TableChange {
        public NoChange {
            Objects.requireNonNull(table, "table");
        }
    }

    /** The table exists but differs from the spec; it is reported, never changed. */
    record Drift(TableSpec table, List<Difference> differences) implements TableChange {
        public Drift {
            Objects.requireNonNull(table, "table");
            differences = List.copyOf(differences);
        }
    }
}
