package dev.dynaseed.seed;

import dev.dynaseed.connection.Target;
import java.util.Objects;

/**
 * How fast each table's items may be written.
 *
 * @param kind which rule applies
 * @param itemsPerSecond the rate of {@link Kind#ITEMS_PER_SECOND} (0 for the other kinds)
 */
public record WriteRate(Kind kind, double itemsPerSecond) {
    /** The rules, one per kind of limit. */
    public enum Kind {
        /** A provisioned table on AWS at its write capacity, anything else unlimited: the default. */
        AUTO,
        /** A provisioned table at its write capacity (write units per second, from the items' sizes). */
        TABLE_CAPACITY,
        /** No limit but DynamoDB's throttling, which the adaptive concurrency answers. */
        UNLIMITED,
        /** At most this many items per second per table. */
        ITEMS_PER_SECOND
    }

    public WriteRate {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.ITEMS_PER_SECOND && !(itemsPerSecond > 0 && itemsPerSecond <= 1e9)) {
            throw new IllegalArgumentException("itemsPerSecond must be above 0, was " + itemsPerSecond);
        }
        if (kind != Kind.ITEMS_PER_SECOND && itemsPerSecond != 0) {
            throw new IllegalArgumentException("itemsPerSecond applies to ITEMS_PER_SECOND only");
        }
    }

    /** The default: provisioned AWS tables at their write capacity, everything else unlimited. */
    public static WriteRate auto() {
        return new WriteRate(Kind.AUTO, 0);
    }

    public static WriteRate unlimited() {
        return new WriteRate(Kind.UNLIMITED, 0);
    }

    public static WriteRate tableCapacity() {
        return new WriteRate(Kind.TABLE_CAPACITY, 0);
    }

    public static WriteRate itemsPerSecond(double value) {
        return new WriteRate(Kind.ITEMS_PER_SECOND, value);
    }

    /** This rate on a target of {@code target}'s kind: {@link Kind#AUTO} becomes table capacity on AWS only. */
    public WriteRate on(Target.Kind target) {
        if (kind != Kind.AUTO) {
            return this;
        }
        return switch (target) {
            case AWS -> tableCapacity();
            case LOCAL, ENDPOINT -> unlimited();
        };
    }
}
