package dev.dynaseed.generate;

import java.time.Instant;
import java.util.List;

/** What the three time kinds share: the {@code withinSeconds} parameter and its limits. */
final class TimeKinds {
    /** The first instant a time-based generator may yield: dates before year 0 have no ISO-8601 form. */
    static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");

    /** The widest spread that stays after year 0 from any base time from 1970 on (the current time). */
    static final long MAX_WITHIN_SECONDS_FROM_NOW = -EARLIEST.getEpochSecond();

    static final List<Parameter> PARAMETERS = List.of(Parameter.whole(
                    "withinSeconds",
                    0,
                    "withinSeconds: 86400",
                    "spread values uniformly up to this many seconds before the base time")
            .atLeast(0));

    private TimeKinds() {}

    static void validate(long withinSeconds, GeneratorChecks checks) {
        if (withinSeconds < 0) {
            checks.problem(
                    "withinSeconds",
                    withinSeconds + " is negative; give how far into the past values may spread, e.g."
                            + " withinSeconds: 86400 (a day), or 0 for the current time");
            return;
        }
        long allowed = checks.fixedBaseTime()
                .map(base -> Math.max(0, base.getEpochSecond() - EARLIEST.getEpochSecond()))
                .orElse(MAX_WITHIN_SECONDS_FROM_NOW);
        if (withinSeconds > allowed) {
            String base =
                    checks.fixedBaseTime().map(time -> "the base time " + time).orElse("the current time");
            checks.problem(
                    "withinSeconds",
                    withinSeconds + " reaches back beyond year 0 from " + base + "; use at most " + allowed
                            + ", e.g. withinSeconds: 31536000 (a year)");
        }
    }
}
