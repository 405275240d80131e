package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import java.util.List;

/** The {@code epochSeconds} generator kind. */
final class EpochSecondsKind implements GeneratorKind<GeneratorSpec.EpochSeconds> {
    static final EpochSecondsKind INSTANCE = new EpochSecondsKind();

    private EpochSecondsKind() {}

    @Override
    public GeneratorSpec.Kind kind() {
        return GeneratorSpec.Kind.EPOCH_SECONDS;
    }

    @Override
    public Class<GeneratorSpec.EpochSeconds> specType() {
        return GeneratorSpec.EpochSeconds.class;
    }

    @Override
    public String doc() {
        return "seconds since 1970-01-01 (UTC): the run's base time, or up to `withinSeconds` before it";
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
        return "{generator: epochSeconds, withinSeconds: 86400}";
    }

    @Override
    public GeneratorSpec.EpochSeconds read(ParameterValues values) {
        return new GeneratorSpec.EpochSeconds(values.whole("withinSeconds"));
    }

    @Override
    public void validate(GeneratorSpec.EpochSeconds spec, GeneratorChecks checks) {
        TimeKinds.validate(spec.withinSeconds(), checks);
    }

    @Override
    public Generator create(GeneratorSpec.EpochSeconds spec, long tableSeed) {
        return new TimeGenerator(TimeGenerator.Unit.EPOCH_SECONDS, spec.withinSeconds());
    }
}
