package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import java.math.BigInteger;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@code sequence} generator kind. */
final class SequenceKind implements GeneratorKind<GeneratorSpec.Sequence> {
    static final SequenceKind INSTANCE = new SequenceKind();

    private SequenceKind() {}

    @Override
    public GeneratorSpec.Kind kind() {
        return GeneratorSpec.Kind.SEQUENCE;
    }

    @Override
    public Class<GeneratorSpec.Sequence> specType() {
        return GeneratorSpec.Sequence.class;
    }

    @Override
    public String doc() {
        return "`start + index × step`, e.g. `user-1`, `user-2` with `prefix: user-`";
    }

    @Override
    public String valueTypes() {
        return "N, or S with `prefix`";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.whole("start", 1, "start: 1", "the first item's value"),
                Parameter.whole("step", 1, "step: 1", "added per item; not 0"),
                Parameter.optional(
                        "prefix", ParameterType.TEXT, "prefix: user-", "makes the values strings with this prefix"));
    }

    @Override
    public String example() {
        return "{generator: sequence, start: 1, step: 1, prefix: user-}";
    }

    @Override
    public GeneratorSpec.Sequence read(ParameterValues values) {
        return new GeneratorSpec.Sequence(values.whole("start"), values.whole("step"), values.text("prefix"));
    }

    @Override
    public void validate(GeneratorSpec.Sequence spec, GeneratorChecks checks) {
        if (spec.step() == 0) {
            checks.problem("step", "0 repeats the same value; use a step other than 0, e.g. step: 1");
            return;
        }
        if (checks.count() < 1) {
            return;
        }
        BigInteger last = BigInteger.valueOf(spec.step())
                .multiply(BigInteger.valueOf(checks.count() - 1))
                .add(BigInteger.valueOf(spec.start()));
        if (last.bitLength() > 63) {
            checks.problem(
                    "the last of " + checks.count() + " items would be " + spec.start() + " + " + (checks.count() - 1)
                            + " × " + spec.step() + " = " + last + ", beyond the 64-bit range (±"
                            + Long.MAX_VALUE + "); lower the start or the step, e.g. start: 1, step: 1");
        }
    }

    @Override
    public Generator create(GeneratorSpec.Sequence spec, long tableSeed) {
        long start = spec.start();
        long step = spec.step();
        String prefix = spec.prefix().orElse(null);
        return context -> {
            long value = start + context.index() * step;
            return prefix == null ? AttributeValue.fromN(Long.toString(value)) : AttributeValue.fromS(prefix + value);
        };
    }
}
