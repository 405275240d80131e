package dev.dynaseed.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * The maximum on-demand throughput of a table or index (DynamoDB's {@code OnDemandThroughput}); an empty side is
 * unlimited.
 */
public record OnDemandLimits(Optional<Long> maxReadRequestUnits, Optional<Long> maxWriteRequestUnits) {
    public OnDemandLimits {
        Objects.requireNonNull(maxReadRequestUnits, "maxReadRequestUnits");
        Objects.requireNonNull(maxWriteRequestUnits, "maxWriteRequestUnits");
    }

    @Override
    public String toString() {
        return "max " + maxReadRequestUnits.map(String::valueOf).orElse("unlimited") + " read / "
                + maxWriteRequestUnits.map(String::valueOf).orElse("unlimited") + " write request units";
    }
}
