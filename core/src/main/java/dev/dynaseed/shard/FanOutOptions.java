package dev.dynaseed.shard;

import java.time.Duration;
import java.util.Objects;

/**
 * How shards are invoked.
 *
 * @param maxParallel invocations in flight at once
 * @param maxAttempts invocations per shard at most, the first included
 * @param baseDelay the backoff before the second attempt; doubled each time, with full jitter
 * @param maxDelay the longest backoff
 */
public record FanOutOptions(int maxParallel, int maxAttempts, Duration baseDelay, Duration maxDelay) {
    public FanOutOptions {
        if (maxParallel < 1) {
            throw new IllegalArgumentException("maxParallel must be at least 1, was " + maxParallel);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
    }

    /** {@code maxParallel} at once, 5 attempts per shard, backoff from 1 s up to 30 s. */
    public static FanOutOptions of(int maxParallel) {
        return new FanOutOptions(maxParallel, 5, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public FanOutOptions withMaxAttempts(int value) {
        return new FanOutOptions(maxParallel, value, baseDelay, maxDelay);
    }

    public FanOutOptions withDelays(Duration base, Duration max) {
        return new FanOutOptions(maxParallel, maxAttempts, base, max);
    }
}
