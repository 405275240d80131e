package dev.dynaseed.engine;

import java.util.List;
import java.util.Objects;

/**
 * What {@code dynaseed local stop} did.
 *
 * @param kind stopped, nothing to stop, or left to the commands still using the engine
 * @param pid the engine's process id (0 when none ran)
 * @param users the process ids of the commands still using it (for {@link Kind#IN_USE}), or that used it when it
 *     was stopped even so (for {@link Kind#STOPPED} by {@code local stop --force})
 */
public record EngineStop(Kind kind, long pid, List<Long> users) {
    /** The closed set of results. */
    public enum Kind {
        /** The engine was running and is now stopped. */
        STOPPED,
        /** No engine was running for the folder. */
        NOT_RUNNING,
        /** Commands still use the engine: it stops when the last of them ends, instead of under them. */
        IN_USE
    }

    public EngineStop {
        Objects.requireNonNull(kind, "kind");
        users = List.copyOf(users);
    }
}
