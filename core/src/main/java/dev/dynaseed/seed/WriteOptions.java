package dev.dynaseed.seed;

import java.time.Duration;
import java.util.Objects;

/**
 * How items are written.
 *
 * @param maxInFlight BatchWriteItem requests in flight at once, across all tables
 * @param maxAttempts attempts per batch (and per item written alone) before its items count as failed, whether
 *     DynamoDB returned them as UnprocessedItems or the request failed for a passing reason such as throttling
 * @param baseDelay the first backoff before a resend (full jitter: a random delay up to it)
 * @param maxDelay the cap on any one backoff
 */
public record WriteOptions(int maxInFlight, int maxAttempts, Duration baseDelay, Duration maxDelay) {
    /** 25 items per BatchWriteItem, DynamoDB's limit. */
    public static final int BATCH_SIZE = 25;

    public WriteOptions {
        if (maxInFlight < 1 || maxInFlight > 256) {
            throw new IllegalArgumentException("maxInFlight must be 1 to 256, was " + maxInFlight);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
    }

    /** 8 requests in flight, 10 attempts, backoff from 50 ms up to 5 s. */
    public static WriteOptions defaults() {
        return new WriteOptions(8, 10, Duration.ofMillis(50), Duration.ofSeconds(5));
    }

    public WriteOptions withMaxInFlight(int value) {
        return new WriteOptions(value, maxAttempts, baseDelay, maxDelay);
    }

    public WriteOptions withMaxAttempts(int value) {
        return new WriteOptions(maxInFlight, value, baseDelay, maxDelay);
    }

    public WriteOptions withDelays(Duration base, Duration max) {
        return new WriteOptions(maxInFlight, maxAttempts, base, max);
    }
}
