package dev.dynaseed.plan;

import dev.dynaseed.spec.TableSpec;
import java.util.List;
import java.util.Objects;

/**
 * What applying a spec would do to one table. Code that handles changes switches over {@link #kind()} without a
 * {@code default}, so a new variant (with its new kind) fails compilation wherever it is not handled yet.
 */
public sealed interface TableChange {

    TableSpec table();

    /** Which change this is. */
    Kind kind();

    /** How the table differs from its spec; empty unless the change is a {@link Drift}. */
    List<Difference> differences();

    /** The kinds of change, each with the action name plan output uses in text and JSON. */
    enum Kind {
        CREATE("create"),
        NO_CHANGE("none"),
        DRIFT("drift");

        private final String action;

        Kind(String action) {
            this.action = action;
        }

        /** The name {@code plan} prints and writes as JSON {@code action}; never rename one. */
        public String action() {
            return action;
        }
    }

    /** The table does not exist and will be created. */
    record Create(TableSpec table) implements TableChange {
        public Create {
            Objects.requireNonNull(table, "table");
        }

        @Override
        public Kind kind() {
            return Kind.CREATE;
        }

        @Override
        public List<Difference> differences() {
            return List.of();
        }
    }

    /** The table exists and matches the spec. */
    record NoChange(TableSpec table) implements TableChange {
        public NoChange {
            Objects.requireNonNull(table, "table");
        }

        @Override
        public Kind kind() {
            return Kind.NO_CHANGE;
        }

        @Override
        public List<Difference> differences() {
            return List.of();
        }
    }

    /** The table exists but differs from the spec; it is reported, never changed. */
    record Drift(TableSpec table, List<Difference> differences) implements TableChange {
        public Drift {
            Objects.requireNonNull(table, "table");
            differences = List.copyOf(differences);
        }

        @Override
        public Kind kind() {
            return Kind.DRIFT;
        }
    }
}
