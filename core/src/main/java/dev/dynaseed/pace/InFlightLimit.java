package dev.dynaseed.pace;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How many write requests may be in flight at once: a fixed number, or one that adapts by AIMD (additive increase,
 * multiplicative decrease) between 1 and a ceiling. While requests succeed the limit grows: by one per success until
 * the first throttle (slow start, doubling per round trip), then by one per round trip ({@code 1/limit} per
 * success, four times slower from 0.9 of the limit the target last throttled at, so that throttles come less
 * often near the target's capacity): latency alone never holds it back, since a target answering slowly but
 * without throttling (a distant region, a busy machine) writes more with more in flight. A throttled request (an error such as
 * ProvisionedThroughputExceededException, or items handed back as UnprocessedItems) multiplies it by {@value
 * #DECREASE}, down to 1; so does an answer slower than {@link #SLOW_ANSWER} (requests queueing at a local engine that
 * long come near the SDK's attempt timeout), down to {@value #INITIAL}. The limit comes down once per round: a signal
 * about a request sent before the last decrease says nothing new about the lowered limit, so it does not lower it
 * again.
 */
public final class InFlightLimit {
    /** The factor a throttle multiplies the limit by. */
    public static final double DECREASE = 0.7;
    /**
     * Where an adaptive limit starts (or the ceiling when lower), and the least that slow answers alone bring it down
     * to: requests queueing at a local engine still gain from overlapping the client's own work with the engine's.
     */
    public static final int INITIAL = 8;
    /** From this share of the limit the target last throttled at, the limit grows {@value #NEAR_SLOWDOWN} times slower. */
    public static final double NEAR = 0.9;
    /** How many times slower the limit grows near the one the target last throttled at. */
    public static final double NEAR_SLOWDOWN = 4;
    /** An answer slower than this lowers the limit, though not below {@value #INITIAL}. */
    public static final Duration SLOW_ANSWER = Duration.ofSeconds(2);

    private final int ceiling;
    private final boolean adaptive;
    private final LongSupplier nanoClock;
    private double limit;
    private boolean slowStart = true;
    /** The limit when the target last throttled (0 before the first throttle). */
    private double throttledAt;

    private long lastDecrease = Long.MIN_VALUE;
    private int inFlight;
    private long throttles;
    private long decreases;

    private InFlightLimit(int ceiling, boolean adaptive, LongSupplier nanoClock) {
        if (ceiling < 1) {
            throw new IllegalArgumentException("ceiling must be at least 1, was " + ceiling);
        }
        this.ceiling = ceiling;
        this.adaptive = adaptive;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.limit = adaptive ? Math.min(INITIAL, ceiling) : ceiling;
    }

    /** Always {@code limit} requests in flight at most. */
    public static InFlightLimit fixed(int limit) {
        return new InFlightLimit(limit, false, System::nanoTime);
    }

    /** A limit adapting between 1 and {@code ceiling}. */
    public static InFlightLimit adaptive(int ceiling) {
        return adaptive(ceiling, System::nanoTime);
    }

    /** A limit adapting between 1 and {@code ceiling}, reading time from {@code nanoClock} (a fake one in tests). */
    public static InFlightLimit adaptive(int ceiling, LongSupplier nanoClock) {
        return new InFlightLimit(ceiling, true, nanoClock);
    }

    /** Waits until one more request may be in flight and counts it; release it with {@link #release()}. */
    public synchronized void acquire() throws InterruptedException {
        while (inFlight >= permits()) {
            wait();
        }
        inFlight++;
    }

    /** A request acquired with {@link #acquire()} is no longer in flight. */
    public synchronized void release() {
        if (inFlight == 0) {
            throw new IllegalStateException("release() without acquire()");
        }
        inFlight--;
        notifyAll();
    }

    /** The time to stamp a request with as it is sent, for {@link #throttled(long)}. */
    public long now() {
        return nanoClock.getAsLong();
    }

    /**
     * A request sent at {@code sentAt} (from {@link #now()}) was answered without throttling: the limit grows (up to
     * the ceiling), or shrinks when the answer took longer than {@link #SLOW_ANSWER}.
     */
    public synchronized void succeeded(long sentAt) {
        if (!adaptive) {
            return;
        }
        long latency = Math.max(0, nanoClock.getAsLong() - sentAt);
        if (latency > SLOW_ANSWER.toNanos()) {
            slowStart = false;
            if (limit > INITIAL) {
                decrease(sentAt, INITIAL);
            }
            return;
        }
        if (limit >= ceiling) {
            return;
        }
        double step = slowStart ? 1 : 1 / limit;
        if (!slowStart && throttledAt > 0 && limit >= NEAR * throttledAt) {
            // Near the limit the target last throttled at: probe for more slowly, so throttles come less often.
            step /= NEAR_SLOWDOWN;
        }
        limit = Math.min(ceiling, limit + step);
        notifyAll();
    }

    /** A request sent at {@code sentAt} (from {@link #now()}) was throttled: the limit shrinks, once per round. */
    public synchronized void throttled(long sentAt) {
        throttles++;
        if (!adaptive) {
            return;
        }
        slowStart = false;
        double before = limit;
        if (decrease(sentAt, 1)) {
            throttledAt = before;
        }
    }

    /** Lowers the limit towards {@code floor}, once per round; whether this signal lowered it. */
    private boolean decrease(long sentAt, int floor) {
        if (lastDecrease != Long.MIN_VALUE && sentAt - lastDecrease < 0) {
            return false;
        }
        lastDecrease = nanoClock.getAsLong();
        limit = Math.max(floor, limit * DECREASE);
        decreases++;
        return true;
    }

    /** The requests that may be in flight now. */
    public synchronized int permits() {
        return Math.max(1, (int) Math.floor(limit));
    }

    /** Requests in flight now. */
    public synchronized int inFlight() {
        return inFlight;
    }

    /** Throttled requests seen so far. */
    public synchronized long throttles() {
        return throttles;
    }

    /** How often the limit was lowered. */
    public synchronized long decreases() {
        return decreases;
    }

    public int ceiling() {
        return ceiling;
    }

    public boolean adaptive() {
        return adaptive;
    }
}
