package dev.dynaseed.pace;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How many write requests may be in flight at once: a fixed number, or one that adapts by AIMD (additive increase,
 * multiplicative decrease) between 1 and a ceiling. While requests succeed the limit grows: by one per success until
 * the first throttle (slow start, doubling per round trip), then by one per round trip ({@code 1/limit} per
 * success, four times slower from 0.9 of the limit the target last throttled at, so that throttles come less
 * often near the target's capacity). A throttled request (an error such as ProvisionedThroughputExceededException,
 * or items handed back as UnprocessedItems) multiplies it by {@value #DECREASE}, down to 1; so does an answer slower
 * than {@link #SLOW_ANSWER} (requests queueing at a local engine that long come near the SDK's attempt timeout), down
 * to {@value #INITIAL}. The limit comes down once per round: a signal about a request sent before the last decrease
 * says nothing new about the lowered limit, so it does not lower it again.
 *
 * <p>Growth must pay: the items written per second are measured per round (as many answers as the limit allowed in
 * flight when the round began), and once the limit has grown by half since the last measurement it was compared
 * with, the rate must have grown by at least {@value #PAYS} of that growth (a limit 1.5 times higher, at least 12.5%
 * more items/s). Latency alone never holds the limit back: a target answering slowly but without throttling (a
 * distant region) writes more with more in flight, and so the limit grows. A target that is saturated (one engine
 * process on a laptop, where more in flight only queues) writes no more: the limit goes back to where it was measured
 * last and holds there for {@value #HOLD_ROUNDS} rounds before it tries to grow again.
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
    /** The share of the limit's growth the items/s must grow by for the growth to be kept. */
    public static final double PAYS = 0.25;
    /** How much the limit grows (1.5 times) before the items/s are compared with those before it grew. */
    public static final double JUDGE_AT = 1.5;
    /** Rounds the limit holds after growth that did not pay, before it grows again. */
    public static final int HOLD_ROUNDS = 8;

    private final int ceiling;
    private final boolean adaptive;
    private final LongSupplier nanoClock;
    private double limit;
    private boolean slowStart = true;
    /** The limit when the target last throttled (0 before the first throttle). */
    private double throttledAt;

    private long lastDecrease = Long.MIN_VALUE;
    /** The round being measured: whether one began (at the first request), when, its answers, its items written. */
    private boolean measuring;

    private long roundStart;
    private int roundAnswers;
    private long roundItems;
    /** The permits when the round began: the answers that end it. */
    private int roundSize;
    /** The limit and items/s growth is judged against (0 when there is none yet). */
    private double measuredLimit;

    private double measuredRate;
    /** Rounds left during which the limit does not grow, after growth that did not pay. */
    private int holdRounds;

    private long heldBack;
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
        long now = nanoClock.getAsLong();
        if (adaptive) {
            synchronized (this) {
                if (!measuring) {
                    startRound(now);
                }
            }
        }
        return now;
    }

    /** {@link #succeeded(long, int)} of a request counted as one item. */
    public void succeeded(long sentAt) {
        succeeded(sentAt, 1);
    }

    /**
     * A request sent at {@code sentAt} (from {@link #now()}) was answered without throttling, {@code items} written:
     * the limit grows (up to the ceiling, and while growth pays), or shrinks when the answer took longer than {@link
     * #SLOW_ANSWER}.
     */
    public synchronized void succeeded(long sentAt, int items) {
        if (!adaptive) {
            return;
        }
        long now = nanoClock.getAsLong();
        long latency = Math.max(0, now - sentAt);
        if (latency > SLOW_ANSWER.toNanos()) {
            slowStart = false;
            if (limit > INITIAL && decrease(sentAt, INITIAL)) {
                forgetMeasurement(now);
            }
            return;
        }
        answered(now, items);
        if (limit >= ceiling || holdRounds > 0) {
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

    /** {@link #throttled(long, int)} with no item written. */
    public void throttled(long sentAt) {
        throttled(sentAt, 0);
    }

    /**
     * A request sent at {@code sentAt} (from {@link #now()}) was throttled, {@code items} of it written nevertheless
     * (the rest handed back): the limit shrinks, once per round.
     */
    public synchronized void throttled(long sentAt, int items) {
        throttles++;
        if (!adaptive) {
            return;
        }
        slowStart = false;
        long now = nanoClock.getAsLong();
        answered(now, items);
        double before = limit;
        if (decrease(sentAt, 1)) {
            throttledAt = before;
            forgetMeasurement(now);
        }
    }

    /** Counts an answer into the round; at the round's end, judges the growth since the last measurement. */
    private void answered(long now, int items) {
        if (!measuring) {
            startRound(now);
        }
        roundAnswers++;
        roundItems += items;
        if (roundAnswers < roundSize) {
            return;
        }
        long elapsed = Math.max(1, now - roundStart);
        double rate = roundItems * 1e9 / elapsed;
        double roundLimit = roundSize;
        startRound(now);
        if (holdRounds > 0) {
            holdRounds--;
            if (holdRounds == 0) {
                // Growth may be tried again, judged against what the limit writes now.
                measuredLimit = roundLimit;
                measuredRate = rate;
            }
            return;
        }
        if (measuredLimit == 0) {
            measuredLimit = roundLimit;
            measuredRate = rate;
            return;
        }
        if (roundLimit < measuredLimit * JUDGE_AT) {
            return;
        }
        double grown = roundLimit / measuredLimit - 1;
        if (rate >= measuredRate * (1 + PAYS * grown)) {
            measuredLimit = roundLimit;
            measuredRate = rate;
            return;
        }
        // More in flight wrote no more (the target is saturated, or the items come no faster): back to the limit
        // that wrote as much, and hold.
        limit = Math.min(limit, measuredLimit);
        slowStart = false;
        holdRounds = HOLD_ROUNDS;
        heldBack++;
        startRound(now);
    }

    private void startRound(long now) {
        measuring = true;
        roundStart = now;
        roundAnswers = 0;
        roundItems = 0;
        roundSize = permits();
    }

    /** After a decrease, rates measured at higher limits say nothing about the new one: measure again. */
    private void forgetMeasurement(long now) {
        measuredLimit = 0;
        measuredRate = 0;
        holdRounds = 0;
        startRound(now);
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

    /** How often growth that did not pay was taken back. */
    public synchronized long heldBack() {
        return heldBack;
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
