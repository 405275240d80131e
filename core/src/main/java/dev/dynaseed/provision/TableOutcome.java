package dev.dynaseed.provision;

import dev.dynaseed.plan.Difference;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What provisioning did to one table. Code that handles outcomes switches over {@link #kind()} without a
 * {@code default}, so a new variant (with its new kind) fails compilation wherever it is not handled yet.
 */
public sealed interface TableOutcome {

    /** Which outcome this is. */
    Kind kind();

    /** How the table differed from its spec (each difference with its resolution); empty when it did not. */
    List<Difference> differences();

    /** Why provisioning failed; empty unless the outcome is {@link Failed}. */
    Optional<String> error();

    /** The steps of the table's change and what became of each, in order; empty when there were none. */
    default List<StepResult> steps() {
        return List.of();
    }

    /**
     * How many items the old table held when apply counted them before replacing it: lost for {@link Replaced}, kept
     * (and at stake) for {@link ReplacementRefused}; empty otherwise.
     */
    default Optional<Long> oldItems() {
        return Optional.empty();
    }

    /** What to do about a table left alone, one line; empty unless the outcome is {@link ReplacementRefused}. */
    default Optional<String> advice() {
        return Optional.empty();
    }

    /** Whether the table can be seeded after this outcome. */
    default boolean ready() {
        return kind().ready();
    }

    /** The kinds of outcome, each with the name reports print and write as JSON {@code outcome}. */
    enum Kind {
        CREATED("Created"),
        ALREADY_MATCHES("AlreadyMatches"),
        UPDATED("Updated"),
        REPLACED("Replaced"),
        REPLACEMENT_REFUSED("ReplacementRefused"),
        BLOCKED("Blocked"),
        FAILED("Failed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name in text and JSON output; never rename one. */
        public String label() {
            return label;
        }

        /** Whether a table with this outcome can be seeded. */
        public boolean ready() {
            return switch (this) {
                case CREATED, ALREADY_MATCHES, UPDATED, REPLACED -> true;
                case REPLACEMENT_REFUSED, BLOCKED, FAILED -> false;
            };
        }

        /**
         * Whether the table was deliberately left as it was (a refused replacement, a blocked change): not a
         * failure, but not what the spec asks for either, so the run is partial.
         */
        public boolean leftAlone() {
            return switch (this) {
                case REPLACEMENT_REFUSED, BLOCKED -> true;
                case CREATED, ALREADY_MATCHES, UPDATED, REPLACED, FAILED -> false;
            };
        }
    }

    /** The table was created (its CreateTable and companion steps done) and is ACTIVE. */
    record Created(Duration waited, List<StepResult> steps) implements TableOutcome {
        public Created {
            Objects.requireNonNull(waited, "waited");
            steps = List.copyOf(steps);
        }

        public Created(Duration waited) {
            this(waited, List.of());
        }

        @Override
        public Kind kind() {
            return Kind.CREATED;
        }

        @Override
        public List<Difference> differences() {
            return List.of();
        }

        @Override
        public Optional<String> error() {
            return Optional.empty();
        }
    }

    /** The table existed and matches the spec. */
    record AlreadyMatches() implements TableOutcome {
        @Override
        public Kind kind() {
            return Kind.ALREADY_MATCHES;
        }

        @Override
        public List<Difference> differences() {
            return List.of();
        }

        @Override
        public Optional<String> error() {
            return Optional.empty();
        }
    }

    /** The table existed with differences that were all changed in place; its items were kept. */
    record Updated(List<Difference> differences, List<StepResult> steps) implements TableOutcome {
        public Updated {
            differences = List.copyOf(differences);
            steps = List.copyOf(steps);
        }

        @Override
        public Kind kind() {
            return Kind.UPDATED;
        }

        @Override
        public Optional<String> error() {
            return Optional.empty();
        }
    }

    /** The table was deleted and created again as the spec says; its {@code oldItems} items were lost. */
    record Replaced(List<Difference> differences, long itemsLost, List<StepResult> steps) implements TableOutcome {
        public Replaced {
            differences = List.copyOf(differences);
            if (itemsLost < 0) {
                throw new IllegalArgumentException("itemsLost must not be negative, was " + itemsLost);
            }
            steps = List.copyOf(steps);
        }

        @Override
        public Kind kind() {
            return Kind.REPLACED;
        }

        @Override
        public Optional<String> error() {
            return Optional.empty();
        }

        @Override
        public Optional<Long> oldItems() {
            return Optional.of(itemsLost);
        }
    }

    /**
     * The table needs replacing and replacing was not allowed: it was left alone with its {@code items} items, and is
     * not seeded; {@code fix} says how to allow it and what that costs.
     */
    record ReplacementRefused(List<Difference> differences, long items, String fix) implements TableOutcome {
        public ReplacementRefused {
            differences = List.copyOf(differences);
            if (items < 0) {
                throw new IllegalArgumentException("items must not be negative, was " + items);
            }
            Objects.requireNonNull(fix, "fix");
        }

        @Override
        public Kind kind() {
            return Kind.REPLACEMENT_REFUSED;
        }

        @Override
        public Optional<String> error() {
            return Optional.empty();
        }

        @Override
        public Optional<Long> oldItems() {
            return Optional.of(items);
        }

        @Override
        public Optional<String> advice() {
            return Optional.of(fix);
        }
    }

    /** A rule forbids a change now (each blocked difference says which); the table was left alone, not seeded. */
    record Blocked(List<Difference> differences) implements TableOutcome {
        public Blocked {
            differences = List.copyOf(differences);
        }

        @Override
        public Kind kind() {
            return Kind.BLOCKED;
        }

        @Override
        public Optional<String> error() {
            return Optional.empty();
        }
    }

    /** Creating, changing or waiting for the table failed; {@code steps} says which steps were done and which not. */
    record Failed(String reason, List<StepResult> steps) implements TableOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            steps = List.copyOf(steps);
        }

        public Failed(String reason) {
            this(reason, List.of());
        }

        @Override
        public Kind kind() {
            return Kind.FAILED;
        }

        @Override
        public List<Difference> differences() {
            return List.of();
        }

        @Override
        public Optional<String> error() {
            return Optional.of(reason);
        }
    }
}
