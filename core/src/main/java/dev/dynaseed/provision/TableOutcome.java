package dev.dynaseed.provision;

import dev.dynaseed.plan.Difference;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What provisioning did to one table. */
public sealed interface TableOutcome {

    /** Whether the table can be seeded after this outcome. */
    default boolean ready() {
        return false;
    }

    /** The table was created and is ACTIVE. */
    record Created(Duration waited) implements TableOutcome {
        public Created {
            Objects.requireNonNull(waited, "waited");
        }

        @Override
        public boolean ready() {
            return true;
        }
    }

    /** The table existed and matches the spec. */
    record AlreadyMatches() implements TableOutcome {
        @Override
        public boolean ready() {
            return true;
        }
    }

    /** The table existed with a different schema; it was left alone and is not seeded. */
    record Drifted(List<Difference> differences) implements TableOutcome {
        public Drifted {
            differences = List.copyOf(differences);
        }
    }

    /** Creating or waiting for the table failed. */
    record Failed(String reason) implements TableOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
