package dev.dynaseed.pace;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Growth must pay. The items written per second are measured per round (at least as many answers as the limit
 * allowed when the round began, and at least {@link #SHORTEST_ROUND}), with the requests in flight on average
 * (Little's law: the answers' time in flight over the round's). Once the requests in flight have grown by half since
 * the round growth is judged against, the items/s must have grown by at least {@value #PAYS} of that growth (1.5
 * times the requests in flight, at least 25% more items/s). Latency alone never holds the limit back: a target
 * answering slowly but without throttling (a distant region) writes more with more in flight, and so the limit
 * grows. A saturated target (one engine process on a laptop, where more in flight only queues) writes no more: the
 * limit goes back to where it was measured last and holds there for {@value #HOLD_ROUNDS} rounds. After a hold (and
 * now and then at the ceiling, where growth cannot be tried) a probe lowers it to {@value #PROBE_LOWER} of itself for
 * a round (and one to get there): when that loses less than {@value #LOWER_COSTS_AT_MOST} of the share it lowered by
 * (a quarter fewer, less than 6.25% fewer items/s), the lower limit stays and another probe follows soon; else it
 * goes back up and may grow again. So a limit that grew too far while everything warmed up (a fresh JVM writes
 * faster each second, whatever the limit) comes back down.
 */
public final class InFlightLimit {
    private static final Logger LOG = LoggerFactory.getLogger(InFlightLimit.class);
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
    public static final double PAYS = 0.5;
    /** The share of a probe's lowering the items/s may fall by for the lower limit to be kept. */
    public static final double LOWER_COSTS_AT_MOST = 0.25;
    /** How much the limit grows (1.5 times) before the items/s are compared with those before it grew. */
    public static final double JUDGE_AT = 1.5;
    /** Rounds the limit holds after growth that did not pay (four times as many at the ceiling), before a probe. */
    public static final int HOLD_ROUNDS = 8;
    /**
     * The least time a round of measuring lasts, however many answers came: shorter rounds measure the scheduler's
     * jitter on a busy machine rather than the target.
     */
    public static final Duration SHORTEST_ROUND = Duration.ofMillis(100);
    /** Rounds the limit holds after a probe kept a lower limit, before the next probe. */
    public static final int PROBE_AGAIN_ROUNDS = 2;
    /** A probe lowers the limit to this share of it, for a round (and one to get there). */
    public static final double PROBE_LOWER = 0.75;

    private final int ceiling;
    private final boolean adaptive;
    private final LongSupplier nanoClock;
    private double limit;
    private boolean slowStart = true;
    /** The limit when the target last throttled (0 before the first throttle). */
    private double throttledAt;

    private long lastDecrease = Long.MIN_VALUE;
    /** The round being measured: whether one began (at the first request), when, its answers, its items written. */
    private volatile boolean measuring;

    private long roundStart;
    private int roundAnswers;
    private long roundItems;
    /** The time the round's answers spent in flight, summed. */
    private long roundLatency;
    /** The permits when the round began: the answers that end it. */
    private int roundSize;
    /** The round growth is judged against (null when there is none yet). */
    private Round measured;
    /** Rounds left during which the limit does not grow, after growth that did not pay. */
    private int holdRounds;
    /** Rounds left of a probe at a lower limit, and the round it lowered from. */
    private int probeRounds;

    private Round probeFrom;
    private long loweredByProbe;
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
        // Only the first request takes the lock here: it starts the first round.
        if (adaptive && !measuring) {
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
        answered(now, latency, items);
        if (limit >= ceiling || holdRounds > 0 || probeRounds > 0) {
            return;
        }
        double step = slowStart ? 1 : 1 / limit;
        if (!slowStart && throttledAt > 0 && limit >= NEAR * throttledAt) {
            // Near the limit the target last throttled at: probe for more slowly, so throttles come less often.
            step /= NEAR_SLOWDOWN;
        }
        double grown = limit + step;
        if (slowStart) {
            // At most double within a round, so that each doubling is measured before the next one.
            grown = Math.min(grown, 2.0 * roundSize);
        }
        limit = Math.min(ceiling, Math.max(limit, grown));
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
        answered(now, Math.max(0, now - sentAt), items);
        double before = limit;
        if (decrease(sentAt, 1)) {
            throttledAt = before;
            forgetMeasurement(now);
        }
    }

    /** Counts an answer into the round; at the round's end, judges the growth since the last measurement. */
    private void answered(long now, long latency, int items) {
        if (!measuring) {
            startRound(now);
        }
        roundAnswers++;
        roundItems += items;
        roundLatency += latency;
        long elapsed = Math.max(1, now - roundStart);
        if (roundAnswers < roundSize || elapsed < SHORTEST_ROUND.toNanos()) {
            return;
        }
        // Little's law: the requests in flight on average are the answers' time spent in flight over the round's.
        Round round = new Round(permits(), (double) roundLatency / elapsed, roundItems * 1e9 / elapsed);
        startRound(now);
        if (holdRounds > 0) {
            holdRounds--;
            if (holdRounds == 0) {
                lowerToProbe(round, now);
            }
            return;
        }
        if (probeRounds > 0) {
            probeRounds--;
            if (probeRounds == 0) {
                judgeProbe(round, now);
            }
            return;
        }
        if (round.limit() >= ceiling) {
            // Growth cannot be tried at the ceiling, so whether fewer would write as much is tried now and then
            // (soon after it got there: growth while everything warms up can look as if it paid).
            int hold = measured != null && measured.limit() >= ceiling ? HOLD_ROUNDS * 4 : HOLD_ROUNDS;
            LOG.debug("{}: at the ceiling, held for {} rounds", round, hold);
            holdRounds = hold;
            measured = round;
            return;
        }
        if (measured == null) {
            measured = round;
            return;
        }
        if (round.inFlight() < measured.inFlight() * JUDGE_AT) {
            return;
        }
        double grown = round.inFlight() / measured.inFlight() - 1;
        if (round.rate() >= measured.rate() * (1 + PAYS * grown)) {
            LOG.debug("{} wrote more than {}: growing on", round, measured);
            measured = round;
            return;
        }
        // More in flight wrote no more (the target is saturated, or the items come no faster): back to the limit
        // that wrote as much, and hold.
        LOG.debug(
                "{} wrote no more than {}: back to {} in flight, held for {} rounds",
                round,
                measured,
                measured.limit(),
                HOLD_ROUNDS);
        limit = Math.min(limit, measured.limit());
        slowStart = false;
        holdRounds = HOLD_ROUNDS;
        heldBack++;
        startRound(now);
    }

    /** After a hold: fewer in flight for a round (and one to get there), in case they write as much. */
    private void lowerToProbe(Round held, long now) {
        if (held.limit() <= 1) {
            measured = held;
            return;
        }
        probeFrom = held;
        limit = Math.max(1, Math.floor(held.limit() * PROBE_LOWER));
        probeRounds = 2;
        startRound(now);
    }

    /** Keeps the lower limit when it wrote nearly as much (and holds, to try lower again), else goes back up. */
    private void judgeProbe(Round probe, long now) {
        double shrunk = Math.max(0, 1 - probe.inFlight() / probeFrom.inFlight());
        if (probe.rate() >= probeFrom.rate() * (1 - LOWER_COSTS_AT_MOST * shrunk)) {
            LOG.debug("{} wrote nearly as much as {}: staying at {} in flight", probe, probeFrom, probe.limit());
            measured = probe;
            // Lower still, soon: a limit that grew too far comes down a quarter at a time.
            holdRounds = PROBE_AGAIN_ROUNDS;
            loweredByProbe++;
            return;
        }
        // Fewer wrote less: back to where it was, from where growth may be tried again.
        LOG.debug("{} wrote less than {}: back to {} in flight", probe, probeFrom, probeFrom.limit());
        limit = Math.max(limit, probeFrom.limit());
        measured = probeFrom;
        startRound(now);
        notifyAll();
    }

    /** A round measured: the limit at its end, the requests in flight on average, the items written per second. */
    private record Round(int limit, double inFlight, double rate) {
        @Override
        public String toString() {
            return String.format("%.1f in flight (limit %d) writing %.0f items/s", inFlight, limit, rate);
        }
    }

    private void startRound(long now) {
        measuring = true;
        roundStart = now;
        roundAnswers = 0;
        roundItems = 0;
        roundLatency = 0;
        roundSize = permits();
    }

    /** After a decrease, rates measured at higher limits say nothing about the new one: measure again. */
    private void forgetMeasurement(long now) {
        measured = null;
        holdRounds = 0;
        probeRounds = 0;
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

    /** How often a probe found that fewer in flight wrote nearly as much, and kept the lower limit. */
    public synchronized long loweredByProbe() {
        return loweredByProbe;
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
