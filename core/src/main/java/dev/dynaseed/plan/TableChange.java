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

    /**
     * How the table differs from its spec, each difference classified; for CREATE and NO_CHANGE only the features the
     * engine does not support (shown, never a change to make).
     */
    List<Difference> differences();

    /**
     * The calls apply makes for this table, in order: CreateTable and its companion calls for CREATE; the in-place
     * calls for UPDATE; DeleteTable, CreateTable and the companions for REPLACE; none for NO_CHANGE and BLOCKED.
     */
    List<Step> steps();

    /** The kinds of change, each with the action name plan output uses in text and JSON. */
    enum Kind {
        CREATE("create"),
        NO_CHANGE("none"),
        /** Only in-place differences (and ones the engine does not support). */
        UPDATE("update"),
        /** At least one difference needs the table deleted and created again (items lost). */
        REPLACE("replace"),
        /** At least one difference is blocked by a rule; the table is left alone. */
        BLOCKED("blocked");

        private final String action;

        Kind(String action) {
            this.action = action;
        }

        /** The name {@code plan} prints and writes as JSON {@code action}; never rename one. */
        public String action() {
            return action;
        }
    }

    /**
     * The table does not exist and will be created by {@code steps}; {@code differences} lists the features the engine
     * will not enforce.
     */
    record Create(TableSpec table, List<Step> steps, List<Difference> differences) implements TableChange {
        public Create {
            Objects.requireNonNull(table, "table");
            steps = List.copyOf(steps);
            differences = List.copyOf(differences);
        }

        /** A create whose features the engine all supports. */
        public Create(TableSpec table, List<Step> steps) {
            this(table, steps, List.of());
        }

        @Override
        public Kind kind() {
            return Kind.CREATE;
        }
    }

    /**
     * The table exists and matches the spec, but for {@code differences}, each in a feature the engine does not
     * support (so not a change to make).
     */
    record NoChange(TableSpec table, List<Difference> differences) implements TableChange {
        public NoChange {
            Objects.requireNonNull(table, "table");
            differences = List.copyOf(differences);
        }

        /** A table that matches its spec in every field. */
        public NoChange(TableSpec table) {
            this(table, List.of());
        }

        @Override
        public Kind kind() {
            return Kind.NO_CHANGE;
        }

        @Override
        public List<Step> steps() {
            return List.of();
        }
    }

    /**
     * The table exists; every difference is in place (or not supported by the engine), made by {@code steps} with the
     * table's items kept.
     */
    record Update(TableSpec table, List<Difference> differences, List<Step> steps) implements TableChange {
        public Update {
            Objects.requireNonNull(table, "table");
            differences = List.copyOf(differences);
            steps = List.copyOf(steps);
        }

        @Override
        public Kind kind() {
            return Kind.UPDATE;
        }
    }

    /**
     * The table exists and must be deleted and created again ({@code steps}: DeleteTable, CreateTable, companions);
     * apply does it only when allowed, and the table's items are lost.
     */
    record Replace(TableSpec table, List<Difference> differences, List<Step> steps) implements TableChange {
        public Replace {
            Objects.requireNonNull(table, "table");
            differences = List.copyOf(differences);
            steps = List.copyOf(steps);
        }

        @Override
        public Kind kind() {
            return Kind.REPLACE;
        }
    }

    /** The table exists and a rule forbids at least one change now; it is left alone. */
    record Blocked(TableSpec table, List<Difference> differences) implements TableChange {
        public Blocked {
            Objects.requireNonNull(table, "table");
            differences = List.copyOf(differences);
        }

        @Override
        public Kind kind() {
            return Kind.BLOCKED;
        }

        @Override
        public List<Step> steps() {
            return List.of();
        }
    }
}
