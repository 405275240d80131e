package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@code intRange} generator kind. */
final class IntRangeKind implements GeneratorKind<GeneratorSpec.IntRange> {
    static final IntRangeKind INSTANCE = new IntRangeKind();

    private IntRangeKind() {}

    @Override
    public GeneratorSpec.Kind kind() {
        return GeneratorSpec.Kind.INT_RANGE;
    }

    @Override
    public Class<GeneratorSpec.IntRange> specType() {
        return GeneratorSpec.IntRange.class;
    }

    @Override
    public String doc() {
        return "uniform whole number from `min` to `max`, both included";
    }

    @Override
    public String valueTypes() {
        return "N";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.required("min", ParameterType.WHOLE_NUMBER, "min: 1", "the smallest value"),
                Parameter.required("max", ParameterType.WHOLE_NUMBER, "max: 100", "the largest value, ≥ min"));
    }

    @Override
    public String example() {
        return "{generator: intRange, min: 1, max: 100}";
    }

    @Override
    public GeneratorSpec.IntRange read(ParameterValues values) {
        return new GeneratorSpec.IntRange(values.whole("min"), values.whole("max"));
    }

    @Override
    public void validate(GeneratorSpec.IntRange spec, GeneratorChecks checks) {
        if (spec.min() > spec.max()) {
            checks.problem("min " + spec.min() + " is greater than max " + spec.max() + "; swap them");
        }
    }

    @Override
    public Generator create(GeneratorSpec.IntRange spec, long tableSeed) {
        long min = spec.min();
        long max = spec.max();
        return context -> AttributeValue.fromN(Long.toString(between(context, min, max)));
    }

    private static long between(GenerationContext context, long min, long max) {
        if (max == Long.MAX_VALUE) {
            return min == Long.MIN_VALUE
                    ? context.random().nextLong()
                    : context.random().nextLong(min - 1, max) + 1;
        }
        return context.random().nextLong(min, max + 1);
    }
}
