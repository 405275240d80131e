package dev.dynaseed.provision;

import java.util.Objects;

/** What destroying one table did. */
public sealed interface DestroyOutcome {

    /** DeleteTable was accepted. */
    record Deleted() implements DestroyOutcome {}

    /** There was no such table. */
    record NotFound() implements DestroyOutcome {}

    /** DeleteTable failed. */
    record Failed(String reason) implements DestroyOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
