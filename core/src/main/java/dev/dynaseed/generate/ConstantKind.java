package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.SpecValue;
import dev.dynaseed.spec.internal.DynamoNumbers;
import dev.dynaseed.spec.internal.Quote;
import java.util.List;

/** The {@code constant} generator kind. */
final class ConstantKind implements GeneratorKind<GeneratorSpec.Constant> {
    static final ConstantKind INSTANCE = new ConstantKind();

    private ConstantKind() {}

    @Override
    public GeneratorSpec.Kind kind() {
        return GeneratorSpec.Kind.CONSTANT;
    }

    @Override
    public Class<GeneratorSpec.Constant> specType() {
        return GeneratorSpec.Constant.class;
    }

    @Override
    public String doc() {
        return "the same value for every item";
    }

    @Override
    public String valueTypes() {
        return "S/N/BOOL";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.required("value", ParameterType.LITERAL, "value: active", "the string, number or boolean"));
    }

    @Override
    public String example() {
        return "{generator: constant, value: active}";
    }

    @Override
    public GeneratorSpec.Constant read(ParameterValues values) {
        return new GeneratorSpec.Constant(values.literal("value"));
    }

    @Override
    public void validate(GeneratorSpec.Constant spec, GeneratorChecks checks) {
        if (spec.value() instanceof SpecValue.Number number) {
            DynamoNumbers.problem(number.value())
                    .ifPresent(problem -> checks.problem(
                            "value",
                            problem + "; use a number DynamoDB can store, or quote it to store a string,"
                                    + " e.g. value: '"
                                    + Quote.bare(number.value().toString()) + "'"));
        }
    }

    @Override
    public Generator create(GeneratorSpec.Constant spec, long tableSeed) {
        var value = Literals.attributeValue(spec.value());
        return context -> value;
    }
}
