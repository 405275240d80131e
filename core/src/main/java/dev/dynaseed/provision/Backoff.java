package dev.dynaseed.provision;

import dev.dynaseed.RunDeadline;
import java.time.Duration;
import java.util.Objects;

/**
 * Pauses that start short and grow ×1.5 up to a cap, all within a time limit and the run's deadline: the schedule of
 * {@link ActiveWaiter}'s polls and of CreateTable retries after {@code LimitExceededException}.
 */
public final class Backoff {
    private final long start;
    private final long endNanos;
    private final long maxDelayNanos;
    private long delayNanos;

    private Backoff(Duration firstDelay, Duration maxDelay, Duration timeout, RunDeadline deadline) {
        this.start = System.nanoTime();
        long end = start + Objects.requireNonNull(timeout, "timeout").toNanos();
        long finish = Objects.requireNonNull(deadline, "deadline")
                .timeToFinish()
                .map(left -> start + left.toNanos())
                .orElse(Long.MAX_VALUE);
        this.endNanos = Math.min(end, finish);
        this.maxDelayNanos = maxDelay.toNanos();
        this.delayNanos = firstDelay.toNanos();
    }

    /** A schedule from {@code firstDelay} to at most {@code maxDelay} apart, ending after {@code timeout} or the deadline. */
    public static Backoff of(Duration firstDelay, Duration maxDelay, Duration timeout, RunDeadline deadline) {
        return new Backoff(firstDelay, maxDelay, timeout, deadline);
    }

    /** Sleeps the next pause (cut short at the end); false, without sleeping, once the time is up. */
    public boolean pause() throws InterruptedException {
        long now = System.nanoTime();
        if (now >= endNanos) {
            return false;
        }
        long sleep = Math.min(delayNanos, endNanos - now);
        Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
        delayNanos = Math.min(maxDelayNanos, delayNanos * 3 / 2);
        return true;
    }

    /** The time since the schedule started. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
