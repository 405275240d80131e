package dev.dynaseed.spec;

import java.util.Objects;
import java.util.Optional;

/** Warm throughput of a table or index: the read and write units per second it is ready for at once. */
public record WarmThroughputSpec(Optional<Long> readUnitsPerSecond, Optional<Long> writeUnitsPerSecond) {
    public WarmThroughputSpec {
        Objects.requireNonNull(readUnitsPerSecond, "readUnitsPerSecond");
        Objects.requireNonNull(writeUnitsPerSecond, "writeUnitsPerSecond");
    }

    @Override
    public String toString() {
        return readUnitsPerSecond.map(String::valueOf).orElse("default") + " read / "
                + writeUnitsPerSecond.map(String::valueOf).orElse("default") + " write units per second";
    }
}
