package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import java.util.List;

/** The {@code isoTimestamp} generator kind. */
final class IsoTimestampKind implements GeneratorKind<GeneratorSpec.IsoTimestamp> {
    static final IsoTimestampKind INSTANCE = new IsoTimestampKind();

    private IsoTimestampKind() {}

    @Override
    public GeneratorSpec.Kind kind() {
        return GeneratorSpec.Kind.ISO_TIMESTAMP;
    }

    @Override
    public Class<GeneratorSpec.IsoTimestamp> specType() {
        return GeneratorSpec.IsoTimestamp.class;
    }

    @Override
    public String doc() {
        return "ISO-8601 UTC text, e.g. `2026-11-12T22:38:44.607Z`: the run's base time, or up to `withinSeconds` before it";
    }

    @Override
    public String valueTypes() {
        return "S";
    }

    @Override
    public List<Parameter> parameters() {
        return TimeKinds.PARAMETERS;
    }

    @Override
    public String example() {
        return "{generator: isoTimestamp, withinSeconds: 86400}";
    }

    @Override
    public GeneratorSpec.IsoTimestamp read(ParameterValues values) {
        return new GeneratorSpec.IsoTimestamp(values.whole("withinSeconds"));
    }

    @Override
    public void validate(GeneratorSpec.IsoTimestamp spec, GeneratorChecks checks) {
        TimeKinds.validate(spec.withinSeconds(), checks);
    }

    @Override
    public Generator create(GeneratorSpec.IsoTimestamp spec, long tableSeed) {
        return new TimeGenerator(TimeGenerator.Unit.ISO_8601, spec.withinSeconds());
    }
}
