package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import java.util.List;

/** The {@code uuid4} generator kind. */
final class Uuid4Kind implements GeneratorKind<GeneratorSpec.Uuid4> {
    static final Uuid4Kind INSTANCE = new Uuid4Kind();

    private Uuid4Kind() {}

    @Override
    public GeneratorSpec.Kind kind() {
        return GeneratorSpec.Kind.UUID4;
    }

    @Override
    public Class<GeneratorSpec.Uuid4> specType() {
        return GeneratorSpec.Uuid4.class;
    }

    @Override
    public String doc() {
        return "random UUID (version 4)";
    }

    @Override
    public String valueTypes() {
        return "S";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public String example() {
        return "{generator: uuid4}";
    }

    @Override
    public GeneratorSpec.Uuid4 read(ParameterValues values) {
        return new GeneratorSpec.Uuid4();
    }

    @Override
    public void validate(GeneratorSpec.Uuid4 spec, GeneratorChecks checks) {
        // Nothing to check: it has no parameters.
    }

    @Override
    public Generator create(GeneratorSpec.Uuid4 spec, long tableSeed) {
        return new Uuid4Generator();
    }
}
