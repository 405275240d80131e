package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import java.util.List;

/** The {@code epochMillis} generator kind. */
final class EpochMillisKind implements GeneratorKind<GeneratorSpec.EpochMillis> {
    static final EpochMillisKind INSTANCE = new EpochMillisKind();

    private EpochMillisKind() {}

    @Override
    public GeneratorSpec.Kind kind() {
        return GeneratorSpec.Kind.EPOCH_MILLIS;
    }

    @Override
    public Class<GeneratorSpec.EpochMillis> specType() {
        return GeneratorSpec.EpochMillis.class;
    }

    @Override
    public String doc() {
        return "milliseconds since 1970-01-01 (UTC): the run's base time, or up to `withinSeconds` before it";
    }

    @Override
    public String valueTypes() {
        return "N";
    }

    @Override
    public List<Parameter> parameters() {
        return TimeKinds.PARAMETERS;
    }

    @Override
    public String example() {
        return "{generator: epochMillis, withinSeconds: 86400}";
    }

    @Override
    public GeneratorSpec.EpochMillis read(ParameterValues values) {
        return new GeneratorSpec.EpochMillis(values.whole("withinSeconds"));
    }

    @Override
    public void validate(GeneratorSpec.EpochMillis spec, GeneratorChecks checks) {
        TimeKinds.validate(spec.withinSeconds(), checks);
    }

    @Override
    public Generator create(GeneratorSpec.EpochMillis spec, long tableSeed) {
        return new TimeGenerator(TimeGenerator.Unit.EPOCH_MILLIS, spec.withinSeconds());
    }
}
