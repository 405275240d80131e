package dev.dynaseed.provision;

import java.util.Objects;
import java.util.Optional;

/**
 * What destroying one table did. Code that handles outcomes switches over {@link #kind()} without a {@code default},
 * so a new variant (with its new kind) fails compilation wherever it is not handled yet.
 */
public sealed interface DestroyOutcome {

    /** Which outcome this is. */
    Kind kind();

    /** Why DeleteTable failed; empty unless the outcome is {@link Failed}. */
    Optional<String> error();

    /** The kinds of outcome, each with the name {@code destroy} prints and writes as JSON {@code outcome}. */
    enum Kind {
        DELETED("deleted"),
        NOT_FOUND("not found"),
        FAILED("failed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name in text and JSON output; never rename one. */
        public String label() {
            return label;
        }

        /** Whether the table is gone afterwards, so that destroy did what was asked. */
        public boolean tableGone() {
            return switch (this) {
                case DELETED, NOT_FOUND -> true;
                case FAILED -> false;
            };
        }
    }

    /** DeleteTable was accepted. */
    record Deleted() implements DestroyOutcome {
        @Override
        public Kind kind() {
            return Kind.DELETED;
        }

        @Override
        public Optional<String> error() {
            return Optional.empty();
        }
    }

    /** There was no such table. */
    record NotFound() implements DestroyOutcome {
        @Override
        public Kind kind() {
            return Kind.NOT_FOUND;
        }

        @Override
        public Optional<String> error() {
            return Optional.empty();
        }
    }

    /** DeleteTable failed. */
    record Failed(String reason) implements DestroyOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Kind kind() {
            return Kind.FAILED;
        }

        @Override
        public Optional<String> error() {
            return Optional.of(reason);
        }
    }
}
