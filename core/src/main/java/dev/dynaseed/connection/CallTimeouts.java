package dev.dynaseed.connection;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one DynamoDB call may take, so that no call waits forever on an endpoint that accepts connections and
 * never answers.
 *
 * @param attempt the bound on one HTTP attempt (also the socket read timeout); default 10 s
 * @param total the bound on a whole call, its retries and their backoff included; default 30 s (three attempts)
 */
public record CallTimeouts(Duration attempt, Duration total) {
    /** The default per-attempt bound: DynamoDB answers in milliseconds; a busy local engine in well under this. */
    public static final Duration DEFAULT_ATTEMPT = Duration.ofSeconds(10);

    /** A call may take this many attempts' worth of time, retries and backoff included. */
    public static final int ATTEMPTS_PER_CALL = 3;

    private static final Duration MAX_CONNECT = Duration.ofSeconds(5);

    public CallTimeouts {
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(total, "total");
        if (attempt.isNegative() || attempt.isZero()) {
            throw new IllegalArgumentException("attempt must be positive, was " + attempt);
        }
        if (total.compareTo(attempt) < 0) {
            throw new IllegalArgumentException("total (" + total + ") must be at least attempt (" + attempt + ")");
        }
    }

    /** 10 s per attempt, 30 s per call. */
    public static CallTimeouts defaults() {
        return perAttempt(DEFAULT_ATTEMPT);
    }

    /** {@code attempt} per attempt and {@link #ATTEMPTS_PER_CALL} times that per call. */
    public static CallTimeouts perAttempt(Duration attempt) {
        Objects.requireNonNull(attempt, "attempt");
        return new CallTimeouts(attempt, attempt.multipliedBy(ATTEMPTS_PER_CALL));
    }

    /** The TCP connect timeout: the attempt bound, at most 5 s (a reachable host accepts in milliseconds). */
    public Duration connect() {
        return attempt.compareTo(MAX_CONNECT) < 0 ? attempt : MAX_CONNECT;
    }
}
