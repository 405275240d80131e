package dev.dynaseed.pace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.IntSummaryStatistics;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The AIMD rule, on a fake clock: every figure follows from the calls made, none from the machine's speed. */
class InFlightLimitTest {
    private static final long MS = 1_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000 * MS);

    /**
     * One round trip of {@code n} requests answered after {@code latencyMs}, each succeeding; with 100 ms, each round
     * trip is one of the limit's measuring rounds.
     */
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

        succeed(limit, 8, 100);
        assertThat(limit.permits()).isEqualTo(16);
        succeed(limit, 16, 100);
        succeed(limit, 32, 100);
        assertThat(limit.permits()).isEqualTo(64);
        succeed(limit, 64, 100);
        assertThat(limit.permits()).as("never above the ceiling").isEqualTo(64);
    }

    @Test
    void throttle_multipliesTheLimitBySevenTenths_thenItGrowsByOnePerRoundTrip() {
        InFlightLimit limit = InFlightLimit.adaptive(64, clock::get);
        succeed(limit, 8, 100);
        succeed(limit, 16, 100); // 32
        long sent = limit.now();
        clock.addAndGet(100 * MS);
        limit.throttled(sent);
        assertThat(limit.permits()).isEqualTo(22); // floor(32 * 0.7) = floor(22.4)

        // Additive increase: a whole round trip of successes (about `limit` of them) adds one.
        succeed(limit, 22, 100);
        assertThat(limit.permits()).isEqualTo(23);
        succeed(limit, 23, 100);
        assertThat(limit.permits()).isEqualTo(24);
        assertThat(limit.decreases()).isEqualTo(1);
        assertThat(limit.throttles()).isEqualTo(1);
    }

    @Test
    void nearTheLimitTheTargetLastThrottledAt_theLimitGrowsFourTimesSlower() {
        InFlightLimit limit = InFlightLimit.adaptive(64, clock::get);
        succeed(limit, 8, 100);
        succeed(limit, 16, 100); // 32
        long sent = limit.now();
        clock.addAndGet(100 * MS);
        limit.throttled(sent); // 22.4, last throttled at 32
        for (int round = 0; round < 6; round++) {
            succeed(limit, limit.permits(), 100);
        }
        assertThat(limit.permits()).as("one per round trip up to 0.9 of 32").isEqualTo(28);
        for (int round = 0; round < 8; round++) {
            succeed(limit, limit.permits(), 100);
        }
        assertThat(limit.permits()).as("then a quarter per round trip").isEqualTo(30);
    }

    @Test
    void throttlesOfRequestsSentBeforeTheLastDecrease_doNotLowerTheLimitAgain() {
        InFlightLimit limit = InFlightLimit.adaptive(64, clock::get);
        succeed(limit, 8, 100);
        succeed(limit, 16, 100); // 32
        // 20 requests in flight together are all throttled: one decrease for the round, not twenty.
        long sent = limit.now();
        clock.addAndGet(100 * MS);
        for (int i = 0; i < 20; i++) {
            limit.throttled(sent);
        }
        assertThat(limit.permits()).isEqualTo(22);
        assertThat(limit.decreases()).isEqualTo(1);
        assertThat(limit.throttles()).isEqualTo(20);

        // A request sent after that decrease and throttled lowers it again.
        long later = limit.now();
        clock.addAndGet(100 * MS);
        limit.throttled(later);
        assertThat(limit.permits()).isEqualTo(15); // floor(22.4 * 0.7) = floor(15.68)
        assertThat(limit.decreases()).isEqualTo(2);
    }

    @Test
    void limit_neverFallsBelowOne_underThrottlesThatNeverStop() {
        InFlightLimit limit = InFlightLimit.adaptive(64, clock::get);
        for (int i = 0; i < 100; i++) {
            long sent = limit.now();
            clock.addAndGet(100 * MS);
            limit.throttled(sent);
        }
        assertThat(limit.permits()).isEqualTo(1);
        // It was last throttled at 1, so it grows by a quarter of 1/limit per success from there.
        succeed(limit, 1, 100);
        assertThat(limit.permits()).as("1 + 1/4").isEqualTo(1);
        for (int round = 0; round < 7; round++) {
            succeed(limit, 1, 100);
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

    /** Rounds against a target answering after {@code baseMs} up to {@code perSecond} answers a second. */
    private int[] rounds(InFlightLimit limit, int rounds, long baseMs, int perSecond) {
        int[] permits = new int[rounds];
        for (int round = 0; round < rounds; round++) {
            int n = limit.permits();
            // More in flight than the target answers in baseMs only queues (Little's law: latency = in flight / rate).
            succeed(limit, n, Math.max(baseMs, n * 1000L / perSecond));
            permits[round] = limit.permits();
        }
        return permits;
    }

    @Test
    void aSaturatedTarget_whoseItemsPerSecondDoNotGrow_keepsTheLimitWhereItWasMeasured_andTriesAgainLater() {
        InFlightLimit limit = InFlightLimit.adaptive(64, clock::get);
        // One engine process answering 80 requests a second at most, each after 100 ms: 8 in flight are enough.
        int[] permits = rounds(limit, 200, 100, 80);
        // Slow start overshoots; after 30 rounds it has come back down to where it stays.
        IntSummaryStatistics after = Arrays.stream(permits, 30, permits.length).summaryStatistics();
        assertThat(after.getMax()).as("growth is tried, but never far").isBetween(9, 14);
        assertThat(after.getMin()).as("and fewer, but never far").isBetween(5, 8);
        assertThat(Arrays.stream(permits, 30, permits.length)
                        .filter(p -> p == 8)
                        .count())
                .as("most rounds at 8")
                .isGreaterThan((permits.length - 30) / 2);
        assertThat(limit.heldBack()).as("growth taken back, again and again").isGreaterThan(5);
        assertThat(limit.decreases()).isZero();
    }

    @Test
    void aTargetThatWritesMoreUpToSixteenInFlight_getsThere_andNoFurther() {
        InFlightLimit limit = InFlightLimit.adaptive(64, clock::get);
        // Every answer after 100 ms up to 16 in flight (160 requests a second), queueing beyond.
        int[] permits = rounds(limit, 200, 100, 160);
        IntSummaryStatistics after = Arrays.stream(permits, 30, permits.length).summaryStatistics();
        assertThat(after.getMin()).as("fewer tried, a quarter fewer").isBetween(10, 16);
        assertThat(after.getMax())
                .as("growth tried, up to 1.5 times 16 and a round more")
                .isBetween(17, 27);
        assertThat(after.getAverage()).isBetween(14.0, 20.0);
        assertThat(limit.heldBack()).isGreaterThan(5);
        assertThat(limit.decreases()).isZero();
    }

    @Test
    void aLimitThatGrewFurtherThanTheTargetNeeds_comesBackDown_probeByProbe() {
        InFlightLimit limit = InFlightLimit.adaptive(64, clock::get);
        // Two in flight are all this target needs (20 answers a second, 100 ms each); slow start overshoots to 16.
        int[] permits = rounds(limit, 120, 100, 20);
        assertThat(permits[0]).isEqualTo(16);
        assertThat(Arrays.stream(permits, 60, permits.length).max().getAsInt()).isLessThanOrEqualTo(4);
        assertThat(limit.loweredByProbe()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void atTheCeiling_aTargetThatWritesLessWithFewer_keepsTheCeiling_apartFromBriefProbes() {
        InFlightLimit limit = InFlightLimit.adaptive(64, clock::get);
        // Answers after 100 ms however many are in flight: fewer in flight always write less.
        int[] permits = rounds(limit, 300, 100, 1_000_000);
        assertThat(permits[permits.length - 1]).isEqualTo(64);
        assertThat(Arrays.stream(permits).filter(p -> p == 64).count())
                .as("probes below the ceiling are brief and seldom")
                .isGreaterThan(permits.length * 9 / 10);
        assertThat(limit.loweredByProbe()).isZero();
    }

    @Test
    void answersSlowerThanTwoSeconds_bringTheLimitDownToEight_onceARound() {
        InFlightLimit limit = InFlightLimit.adaptive(64, clock::get);
        succeed(limit, 8, 100);
        succeed(limit, 16, 100); // 32
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
