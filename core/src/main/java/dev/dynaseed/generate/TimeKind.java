package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * The three time kinds ({@code epochSeconds}, {@code epochMillis}, {@code isoTimestamp}): one descriptor each, which
 * differ only in name, rendering and value type, and share the {@code withinSeconds} parameter and its limits.
 *
 * @param <S> the spec record of the kind
 */
final class TimeKind<S extends GeneratorSpec> implements GeneratorKind<S> {
    static final TimeKind<GeneratorSpec.EpochSeconds> EPOCH_SECONDS = new TimeKind<>(
            GeneratorSpec.Kind.EPOCH_SECONDS,
            GeneratorSpec.EpochSeconds.class,
            "seconds since 1970-01-01 (UTC): the run's base time, or up to `withinSeconds` before it",
            "N",
            TimeGenerator.Unit.EPOCH_SECONDS,
            GeneratorSpec.EpochSeconds::new,
            GeneratorSpec.EpochSeconds::withinSeconds);
    static final TimeKind<GeneratorSpec.EpochMillis> EPOCH_MILLIS = new TimeKind<>(
            GeneratorSpec.Kind.EPOCH_MILLIS,
            GeneratorSpec.EpochMillis.class,
            "milliseconds since 1970-01-01 (UTC): the run's base time, or up to `withinSeconds` before it",
            "N",
            TimeGenerator.Unit.EPOCH_MILLIS,
            GeneratorSpec.EpochMillis::new,
            GeneratorSpec.EpochMillis::withinSeconds);
    static final TimeKind<GeneratorSpec.IsoTimestamp> ISO_TIMESTAMP = new TimeKind<>(
            GeneratorSpec.Kind.ISO_TIMESTAMP,
            GeneratorSpec.IsoTimestamp.class,
            "ISO-8601 UTC text, e.g. `2026-11-12T22:38:44.607Z`: the run's base time, or up to `withinSeconds` before"
                    + " it",
            "S",
            TimeGenerator.Unit.ISO_8601,
            GeneratorSpec.IsoTimestamp::new,
            GeneratorSpec.IsoTimestamp::withinSeconds);

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

    private static void validate(long withinSeconds, GeneratorChecks checks) {
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

    private final GeneratorSpec.Kind kind;
    private final Class<S> specType;
    private final String doc;
    private final String valueTypes;
    private final TimeGenerator.Unit unit;
    private final LongFunction<S> fromWithinSeconds;
    private final ToLongFunction<S> withinSeconds;

    private TimeKind(
            GeneratorSpec.Kind kind,
            Class<S> specType,
            String doc,
            String valueTypes,
            TimeGenerator.Unit unit,
            LongFunction<S> fromWithinSeconds,
            ToLongFunction<S> withinSeconds) {
        this.kind = kind;
        this.specType = specType;
        this.doc = doc;
        this.valueTypes = valueTypes;
        this.unit = unit;
        this.fromWithinSeconds = fromWithinSeconds;
        this.withinSeconds = withinSeconds;
    }

    @Override
    public GeneratorSpec.Kind kind() {
        return kind;
    }

    @Override
    public Class<S> specType() {
        return specType;
    }

    @Override
    public String doc() {
        return doc;
    }

    @Override
    public String valueTypes() {
        return valueTypes;
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public String example() {
        return "{generator: " + name() + ", withinSeconds: 86400}";
    }

    @Override
    public S read(ParameterValues values) {
        return fromWithinSeconds.apply(values.whole("withinSeconds"));
    }

    @Override
    public void validate(S spec, GeneratorChecks checks) {
        validate(withinSeconds.applyAsLong(spec), checks);
    }

    @Override
    public Generator create(S spec, long tableSeed) {
        return new TimeGenerator(unit, withinSeconds.applyAsLong(spec));
    }
}
