package dev.dynaseed;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * When to stop: after {@link #stopStarting()} turns true no new table or batch starts; requests already sent must
 * finish by {@link #timeToFinish()}, after which they are abandoned and their items counted as failed. A Lambda
 * invocation uses both; the CLI uses {@link #none()}.
 */
public final class RunDeadline {
    private static final RunDeadline NONE = new RunDeadline(() -> false, Long.MAX_VALUE);

    private final BooleanSupplier stopStarting;
    private final long finishByNanos;

    private RunDeadline(BooleanSupplier stopStarting, long finishByNanos) {
        this.stopStarting = Objects.requireNonNull(stopStarting, "stopStarting");
        this.finishByNanos = finishByNanos;
    }

    /** No deadline. */
    public static RunDeadline none() {
        return NONE;
    }

    /** Stop starting work after {@code stopStartingIn}; abandon requests still running after {@code finishIn}. */
    public static RunDeadline in(Duration stopStartingIn, Duration finishIn) {
        long now = System.nanoTime();
        long stopAt = now + stopStartingIn.toNanos();
        return new RunDeadline(() -> System.nanoTime() >= stopAt, now + finishIn.toNanos());
    }

    /** Stop starting work once {@code stopStarting} is true; no bound on requests already sent. */
    public static RunDeadline when(BooleanSupplier stopStarting) {
        return new RunDeadline(stopStarting, Long.MAX_VALUE);
    }

    public boolean stopStarting() {
        return stopStarting.getAsBoolean();
    }

    /** The time left for requests already sent; empty when unbounded. */
    public Optional<Duration> timeToFinish() {
        if (finishByNanos == Long.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.max(0, finishByNanos - System.nanoTime())));
    }
}
