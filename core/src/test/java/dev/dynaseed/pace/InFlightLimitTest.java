package dev.dynaseed.pace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The AIMD rule, on a fake clock: every figure follows from the calls made, none from the machine's speed. */
class InFlightLimitTest {
    private static final long MS = 1_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000 * MS);

    /** One round trip of {@code n} requests answered after {@code latencyMs}, each succeeding. */
    private void succeed(InFlightLimit limit, int n, long latencyMs) {
        for (int i = 0; i < n; i++) {
            long sent = limit.now();
            clock.addAndGet(latencyMs * MS);
            limit.succeeded(sent);
            clock.addAndGet(-latencyMs * MS);
        }
        clock.addAndGet(latencyMs * MS);
    }

    @Test
    void adaptiveLimit_startsAtEight_andDoublesEachRoundTrip_untilTheFirstThrottle() {
        InFlightLimit limit = InFlightLimit.adaptive(64, clock::get);
        assertThat(limit.permits()).isEqualTo(8);

        succeed(limit, 8, 20);
        assertThat(limit.permits()).isEqualTo(16);
        succeed(limit, 16, 20);
        succeed(limit, 32, 20);
        assertThat(limit.permits()).isEqualTo(64);
        succeed(limit, 64, 20);
        assertThat(limit.permits()).as("never above the ceiling").isEqualTo(64);
    }

    @Test
    void throttle_multipliesTheLimitBySevenTenths_thenItGrowsByOnePerRoundTrip() {
        InFlightLimit limit = InFlightLimit.adaptive(64, clock::get);
        succeed(limit, 8, 20);
        succeed(limit, 16, 20); // 32
        long sent = limit.now();
        clock.addAndGet(20 * MS);
        limit.throttled(sent);
        assertThat(limit.permits()).isEqualTo(22); // floor(32 * 0.7) = floor(22.4)

        // Additive increase: a whole round trip of successes (about `limit` of them) adds one.
        succeed(limit, 22, 20);
        assertThat(limit.permits()).isEqualTo(23);
        succeed(limit, 23, 20);
        assertThat(limit.permits()).isEqualTo(24);
        assertThat(limit.decreases()).isEqualTo(1);
        assertThat(limit.throttles()).isEqualTo(1);
    }

    @Test
    void nearTheLimitTheTargetLastThrottledAt_theLimitGrowsFourTimesSlower() {
        InFlightLimit limit = InFlightLimit.adaptive(64, clock::get);
        succeed(limit, 8, 20);
        succeed(limit, 16, 20); // 32
        long sent = limit.now();
        clock.addAndGet(20 * MS);
        limit.throttled(sent); // 22.4, last throttled at 32
        for (int round = 0; round < 6; round++) {
            succeed(limit, limit.permits(), 20);
        }
        assertThat(limit.permits()).as("one per round trip up to 0.9 of 32").isEqualTo(28);
        for (int round = 0; round < 8; round++) {
            succeed(limit, limit.permits(), 20);
        }
        assertThat(limit.permits()).as("then a quarter per round trip").isEqualTo(30);
    }

    @Test
    void throttlesOfRequestsSentBeforeTheLastDecrease_doNotLowerTheLimitAgain() {
        InFlightLimit limit = InFlightLimit.adaptive(64, clock::get);
        succeed(limit, 8, 20);
        succeed(limit, 16, 20); // 32
        // 20 requests in flight together are all throttled: one decrease for the round, not twenty.
        long sent = limit.now();
        clock.addAndGet(20 * MS);
        for (int i = 0; i < 20; i++) {
            limit.throttled(sent);
        }
        assertThat(limit.permits()).isEqualTo(22);
        assertThat(limit.decreases()).isEqualTo(1);
        assertThat(limit.throttles()).isEqualTo(20);

        // A request sent after that decrease and throttled lowers it again.
        long later = limit.now();
        clock.addAndGet(20 * MS);
        limit.throttled(later);
        assertThat(limit.permits()).isEqualTo(15); // floor(22.4 * 0.7) = floor(15.68)
        assertThat(limit.decreases()).isEqualTo(2);
    }

    @Test
    void limit_neverFallsBelowOne_underThrottlesThatNeverStop() {
        InFlightLimit limit = InFlightLimit.adaptive(64, clock::get);
        for (int i = 0; i < 100; i++) {
            long sent = limit.now();
            clock.addAndGet(20 * MS);
            limit.throttled(sent);
        }
        assertThat(limit.permits()).isEqualTo(1);
        // It was last throttled at 1, so it grows by a quarter of 1/limit per success from there.
        succeed(limit, 1, 20);
        assertThat(limit.permits()).as("1 + 1/4").isEqualTo(1);
        for (int round = 0; round < 7; round++) {
            succeed(limit, 1, 20);
        }
        assertThat(limit.permits()).as("1.25 + 1/5 + 1/5.8 + ...").isEqualTo(2);
    }

    @Test
    void slowAnswersWithoutThrottling_stillLetTheLimitGrow_sinceMoreInFlightWritesMore() {
        InFlightLimit limit = InFlightLimit.adaptive(64, clock::get);
        // A distant region: every answer after 300 ms, however many are in flight, so items/s double with the limit.
        succeed(limit, 8, 300);
        assertThat(limit.permits()).isEqualTo(16);
        succeed(limit, 16, 300);
        assertThat(limit.permits()).isEqualTo(32);
        succeed(limit, 32, 300);
        assertThat(limit.permits()).isEqualTo(64);
        assertThat(limit.decreases()).isZero();
        assertThat(limit.heldBack()).isZero();
    }

    @Test
    void aSaturatedTarget_whoseItemsPerSecondDoNotGrow_keepsTheLimitWhereItWasMeasured_andTriesAgainLater() {
        InFlightLimit limit = InFlightLimit.adaptive(64, clock::get);
        // One engine process answering 400 requests a second at most: more in flight only queues (Little's law:
        // latency = in flight / rate), so the items/s stay the same whatever the limit.
        int highest = 0;
        for (int round = 0; round < 200; round++) {
            int n = limit.permits();
            succeed(limit, n, Math.max(5, n * 1000L / 400));
            if (round > 2) {
                highest = Math.max(highest, limit.permits());
            }
        }
        assertThat(limit.heldBack()).as("growth taken back, again and again").isGreaterThan(5);
        assertThat(highest).as("growth is tried, but never far").isBetween(9, 13);
        assertThat(limit.permits()).isBetween(7, 13);
        assertThat(limit.decreases()).isZero();
    }

    @Test
    void aTargetThatWritesMoreUpToSixteenInFlight_getsThere_andNoFurther() {
        InFlightLimit limit = InFlightLimit.adaptive(64, clock::get);
        // Every answer after 20 ms up to 16 in flight (800 requests a second), queueing beyond.
        int lowest = Integer.MAX_VALUE;
        int highest = 0;
        for (int round = 0; round < 200; round++) {
            int n = limit.permits();
            succeed(limit, n, Math.max(20, n * 1000L / 800));
            if (round > 2) {
                lowest = Math.min(lowest, limit.permits());
                highest = Math.max(highest, limit.permits());
            }
        }
        assertThat(lowest).as("back to where it was measured last, about 16").isBetween(14, 16);
        assertThat(highest).as("growth tried, up to 1.5 times that").isBetween(17, 25);
        assertThat(limit.heldBack()).isGreaterThan(5);
        assertThat(limit.decreases()).isZero();
    }

    @Test
    void answersSlowerThanTwoSeconds_bringTheLimitDownToEight_onceARound() {
        InFlightLimit limit = InFlightLimit.adaptive(64, clock::get);
        succeed(limit, 8, 10);
        succeed(limit, 16, 10); // 32
        // Requests queueing this long at a local engine come near the SDK's attempt timeout.
        succeed(limit, 32, 2_001);
        assertThat(limit.permits()).isEqualTo(22); // floor(32 * 0.7), once for the round
        assertThat(limit.decreases()).isEqualTo(1);
        assertThat(limit.throttles()).isZero();
        succeed(limit, 22, 1_000); // fast enough again: one more per round trip
        assertThat(limit.permits()).isEqualTo(23);
        for (int round = 0; round < 10; round++) {
            succeed(limit, 23, 3_000);
        }
        assertThat(limit.permits()).as("slow answers alone never go below 8").isEqualTo(8);
    }

    @Test
    void fixedLimit_staysAtItsValue_whateverTheAnswers() {
        InFlightLimit limit = InFlightLimit.fixed(8);
        long sent = limit.now();
        limit.throttled(sent);
        limit.succeeded(sent);
        assertThat(limit.permits()).isEqualTo(8);
        assertThat(limit.throttles()).isEqualTo(1);
        assertThat(limit.decreases()).isZero();
    }

    @Test
    void acquire_waitsWhileTheLimitIsInFlight_andGoesOnWhenOneIsReleased() throws Exception {
        InFlightLimit limit = InFlightLimit.fixed(2);
        limit.acquire();
        limit.acquire();
        AtomicBoolean third = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                limit.acquire();
                third.set(true);
                done.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        assertThat(done.await(200, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(third).isFalse();
        limit.release();
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(limit.inFlight()).isEqualTo(2);
        waiter.join();
    }

    @Test
    void release_withoutAcquire_isRefused() {
        assertThatThrownBy(() -> InFlightLimit.fixed(1).release()).isInstanceOf(IllegalStateException.class);
    }
}
