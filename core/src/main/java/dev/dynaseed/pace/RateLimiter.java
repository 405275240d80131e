package dev.dynaseed.pace;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps writes to a rate (write units or items per second) with a token bucket holding at most one second's worth:
 * a caller takes what it is about to send and waits when the bucket is in debt, so over any stretch of time no more
 * than the rate (plus one second's burst) goes out, however many threads send.
 */
public final class RateLimiter {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double perSecond;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;

    private RateLimiter(double perSecond, LongSupplier nanoClock) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("perSecond must be a positive number, was " + perSecond);
        }
        this.perSecond = perSecond;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.last = nanoClock.getAsLong();
        this.tokens = perSecond;
    }

    /** A limiter to {@code perSecond} units per second. */
    public static RateLimiter perSecond(double perSecond) {
        return new RateLimiter(perSecond, System::nanoTime);
    }

    /** A limiter to {@code perSecond} units per second, reading time from {@code nanoClock} (a fake one in tests). */
    public static RateLimiter perSecond(double perSecond, LongSupplier nanoClock) {
        return new RateLimiter(perSecond, nanoClock);
    }

    /** Takes {@code units} from the bucket; returns how long to wait (in nanoseconds) before sending them. */
    public synchronized long reserve(double units) {
        if (units < 0) {
            throw new IllegalArgumentException("units must not be negative, was " + units);
        }
        long now = nanoClock.getAsLong();
        tokens = Math.min(perSecond, tokens + (now - last) * perSecond / NANOS_PER_SECOND);
        last = now;
        tokens -= units;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perSecond * NANOS_PER_SECOND);
    }

    /** Takes {@code units} and waits until they may be sent. */
    public void acquire(double units) throws InterruptedException {
        long wait = reserve(units);
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    public double rate() {
        return perSecond;
    }
}
