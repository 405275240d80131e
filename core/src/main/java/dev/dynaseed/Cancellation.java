package dev.dynaseed;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request from outside a run (the CLI's Ctrl-C) to stop it early: once cancelled no new table or batch starts, the
 * batches in flight finish, and what was not started is reported as interrupted. Core never handles signals itself.
 */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** Asks the run to stop; true the first time. */
    public boolean cancel() {
        return cancelled.compareAndSet(false, true);
    }

    public boolean cancelled() {
        return cancelled.get();
    }
}
