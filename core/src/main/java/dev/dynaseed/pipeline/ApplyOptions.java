package dev.dynaseed.pipeline;

import dev.dynaseed.provision.Provisioner;
import dev.dynaseed.provision.ReplaceConsent;
import dev.dynaseed.seed.WriteOptions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How apply runs.
 *
 * @param tableConcurrency tables provisioned and seeded at once
 * @param write how items are written
 * @param activeTimeout how long to wait for a new table to become ACTIVE
 * @param clock the time source for time-based values when the spec sets no randomSeed
 * @param runSeed the seed of this run's values when the spec sets no randomSeed
 * @param replace which tables may be replaced (deleted and created again, their items lost); none by default
 */
public record ApplyOptions(
        int tableConcurrency,
        WriteOptions write,
        Duration activeTimeout,
        Clock clock,
        long runSeed,
        ReplaceConsent replace) {

    public ApplyOptions {
        if (tableConcurrency < 1) {
            throw new IllegalArgumentException("tableConcurrency must be at least 1, was " + tableConcurrency);
        }
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(activeTimeout, "activeTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(replace, "replace");
    }

    /** Options that replace no table. */
    public ApplyOptions(int tableConcurrency, WriteOptions write, Duration activeTimeout, Clock clock, long runSeed) {
        this(tableConcurrency, write, activeTimeout, clock, runSeed, ReplaceConsent.none());
    }

    /**
     * 4 tables at once, default writes, 5 minutes for ACTIVE, the system clock, a fresh random run seed and no
     * replacement.
     */
    public static ApplyOptions defaults() {
        return new ApplyOptions(
                4,
                WriteOptions.defaults(),
                Provisioner.DEFAULT_ACTIVE_TIMEOUT,
                Clock.systemUTC(),
                new SecureRandom().nextLong());
    }

    public ApplyOptions withWrite(WriteOptions value) {
        return new ApplyOptions(tableConcurrency, value, activeTimeout, clock, runSeed, replace);
    }

    public ApplyOptions withActiveTimeout(Duration value) {
        return new ApplyOptions(tableConcurrency, write, value, clock, runSeed, replace);
    }

    public ApplyOptions withTableConcurrency(int value) {
        return new ApplyOptions(value, write, activeTimeout, clock, runSeed, replace);
    }

    public ApplyOptions withReplace(ReplaceConsent value) {
        return new ApplyOptions(tableConcurrency, write, activeTimeout, clock, runSeed, value);
    }
}
