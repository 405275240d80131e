package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import java.util.List;

/** The {@code uuid1} generator kind. */
final class Uuid1Kind implements GeneratorKind<GeneratorSpec.Uuid1> {
    static final Uuid1Kind INSTANCE = new Uuid1Kind();

    private Uuid1Kind() {}

    @Override
    public GeneratorSpec.Kind kind() {
        return GeneratorSpec.Kind.UUID1;
    }

    @Override
    public Class<GeneratorSpec.Uuid1> specType() {
        return GeneratorSpec.Uuid1.class;
    }

    @Override
    public String doc() {
        return "time-based UUID (version 1): the run's base time plus the item index in 100 ns steps; random clock"
                + " sequence and multicast node per table and run";
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
        return "{generator: uuid1}";
    }

    @Override
    public GeneratorSpec.Uuid1 read(ParameterValues values) {
        return new GeneratorSpec.Uuid1();
    }

    @Override
    public void validate(GeneratorSpec.Uuid1 spec, GeneratorChecks checks) {
        // Nothing to check: it has no parameters, and the base time is checked with the seed block.
    }

    @Override
    public Generator create(GeneratorSpec.Uuid1 spec, long tableSeed) {
        return new Uuid1Generator(tableSeed);
    }
}
