package dev.dynaseed.pace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a fake clock. */
class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(5 * SECOND);

    @Test
    void oneSecondsWorth_goesAtOnce_thenEachUnitWaitsItsShare() {
        RateLimiter limiter = RateLimiter.perSecond(100, clock::get);
        assertThat(limiter.reserve(100)).isZero();
        assertThat(limiter.reserve(25)).isEqualTo(SECOND / 4);
        assertThat(limiter.reserve(25)).as("debts add up").isEqualTo(SECOND / 2);
    }

    @Test
    void overAnyStretch_noMoreThanTheRatePlusOneSecondGoesOut() {
        RateLimiter limiter = RateLimiter.perSecond(40, clock::get);
        long start = clock.get();
        long sent = 0;
        // A sender that sends 25 units whenever the bucket lets it, for 60 seconds of fake time.
        while (clock.get() - start < 60 * SECOND) {
            long wait = limiter.reserve(25);
            clock.addAndGet(wait);
            sent += 25;
        }
        assertThat(sent).isBetween(60L * 40, 61L * 40 + 25);
    }

    @Test
    void unusedTime_fillsTheBucket_onlyUpToOneSecondsWorth() {
        RateLimiter limiter = RateLimiter.perSecond(10, clock::get);
        clock.addAndGet(3_600 * SECOND);
        assertThat(limiter.reserve(10)).isZero();
        assertThat(limiter.reserve(10)).isEqualTo(SECOND);
    }
}
