package dev.dynaseed.seed;

import java.time.Duration;
import java.util.Objects;

/**
 * How items are written.
 *
 * @param maxInFlight BatchWriteItem requests in flight at once, across all tables: the ceiling of the adaptive
 *     concurrency, or the constant number when {@code adaptive} is false
 * @param maxAttempts attempts per batch (and per item written alone) before its items count as failed, whether
 *     DynamoDB returned them as UnprocessedItems or the request failed for a passing reason such as throttling
 * @param baseDelay the first backoff before a resend (full jitter: a random delay up to it)
 * @param maxDelay the cap on any one backoff
 * @param adaptive whether the requests in flight adapt (AIMD, see {@link dev.dynaseed.pace.InFlightLimit}) up to
 *     {@code maxInFlight}, rather than staying at {@code maxInFlight}
 * @param rate how fast each table may be written
 */
public record WriteOptions(
        int maxInFlight, int maxAttempts, Duration baseDelay, Duration maxDelay, boolean adaptive, WriteRate rate) {
    /** 25 items per BatchWriteItem, DynamoDB's limit. */
    public static final int BATCH_SIZE = 25;

    /** The default ceiling of requests in flight. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 64;

    public WriteOptions {
        if (maxInFlight < 1 || maxInFlight > 256) {
            throw new IllegalArgumentException("maxInFlight must be 1 to 256, was " + maxInFlight);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(rate, "rate");
    }

    /** Adaptive concurrency up to {@code maxInFlight}, at the default rate. */
    public WriteOptions(int maxInFlight, int maxAttempts, Duration baseDelay, Duration maxDelay) {
        this(maxInFlight, maxAttempts, baseDelay, maxDelay, true, WriteRate.auto());
    }

    /**
     * Up to 64 requests in flight, adapting to throttling; 10 attempts, backoff from 50 ms up to 5 s; provisioned AWS
     * tables at their write capacity.
     */
    public static WriteOptions defaults() {
        return new WriteOptions(DEFAULT_MAX_IN_FLIGHT, 10, Duration.ofMillis(50), Duration.ofSeconds(5));
    }

    public WriteOptions withMaxInFlight(int value) {
        return new WriteOptions(value, maxAttempts, baseDelay, maxDelay, adaptive, rate);
    }

    public WriteOptions withMaxAttempts(int value) {
        return new WriteOptions(maxInFlight, value, baseDelay, maxDelay, adaptive, rate);
    }

    public WriteOptions withDelays(Duration base, Duration max) {
        return new WriteOptions(maxInFlight, maxAttempts, base, max, adaptive, rate);
    }

    /** These options with the requests in flight adapting ({@code true}) or fixed at {@code maxInFlight}. */
    public WriteOptions withAdaptive(boolean value) {
        return new WriteOptions(maxInFlight, maxAttempts, baseDelay, maxDelay, value, rate);
    }

    public WriteOptions withRate(WriteRate value) {
        return new WriteOptions(maxInFlight, maxAttempts, baseDelay, maxDelay, adaptive, value);
    }
}
