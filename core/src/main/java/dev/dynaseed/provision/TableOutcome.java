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

    /** How the table differs from its spec; empty unless the outcome is {@link Drifted}. */
    List<Difference> differences();

    /** Why provisioning failed; empty unless the outcome is {@link Failed}. */
    Optional<String> error();

    /** Whether the table can be seeded after this outcome. */
    default boolean ready() {
        return kind().ready();
    }

    /** The kinds of outcome, each with the name reports print and write as JSON {@code outcome}. */
    enum Kind {
        CREATED("Created"),
        ALREADY_MATCHES("AlreadyMatches"),
        DRIFTED("Drifted"),
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
                case CREATED, ALREADY_MATCHES -> true;
                case DRIFTED, FAILED -> false;
            };
        }
    }

    /** The table was created and is ACTIVE. */
    record Created(Duration waited) implements TableOutcome {
        public Created {
            Objects.requireNonNull(waited, "waited");
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

    /** The table existed with a different schema; it was left alone and is not seeded. */
    record Drifted(List<Difference> differences) implements TableOutcome {
        public Drifted {
            differences = List.copyOf(differences);
        }

        @Override
        public Kind kind() {
            return Kind.DRIFTED;
        }

        @Override
        public Optional<String> error() {
            return Optional.empty();
        }
    }

    /** Creating or waiting for the table failed. */
    record Failed(String reason) implements TableOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
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
