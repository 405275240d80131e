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
        // No parameters; but a fixed base time (a randomSeed's) must lie where a version 1 UUID's 60-bit time (100 ns
        // steps from 1582-10-15) can hold it, with one step per item, or the UUID would claim another time.
        checks.fixedBaseTime().ifPresent(base -> {
            java.math.BigInteger first = java.math.BigInteger.valueOf(base.getEpochSecond())
                    .multiply(java.math.BigInteger.valueOf(10_000_000L))
                    .add(java.math.BigInteger.valueOf(base.getNano() / 100))
                    .add(java.math.BigInteger.valueOf(0x01B21DD213814000L));
            java.math.BigInteger last = first.add(java.math.BigInteger.valueOf(Math.max(0, checks.count() - 1)));
            if (first.signum() < 0 || last.bitLength() > 60) {
                checks.problem("the base time " + base + " is outside what a version 1 UUID can hold (1582-10-15 to"
                        + " 5236-03-31); set seed.baseTime within it, e.g. baseTime: 2025-01-01T00:00:00Z, or use"
                        + " uuid4");
            }
        });
    }

    @Override
    public Generator create(GeneratorSpec.Uuid1 spec, long tableSeed) {
        return new Uuid1Generator(tableSeed);
    }
}
