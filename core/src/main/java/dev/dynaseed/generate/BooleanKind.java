package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import java.math.BigDecimal;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@code boolean} generator kind. */
final class BooleanKind implements GeneratorKind<GeneratorSpec.RandomBoolean> {
    static final BooleanKind INSTANCE = new BooleanKind();

    private BooleanKind() {}

    @Override
    public GeneratorSpec.Kind kind() {
        return GeneratorSpec.Kind.BOOLEAN;
    }

    @Override
    public Class<GeneratorSpec.RandomBoolean> specType() {
        return GeneratorSpec.RandomBoolean.class;
    }

    @Override
    public String doc() {
        return "true with probability `probability`, else false";
    }

    @Override
    public String valueTypes() {
        return "BOOL";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.decimal(
                "probability", new BigDecimal("0.5"), "probability: 0.8", "chance of true, from 0 to 1"));
    }

    @Override
    public String example() {
        return "{generator: boolean, probability: 0.8}";
    }

    @Override
    public GeneratorSpec.RandomBoolean read(ParameterValues values) {
        return new GeneratorSpec.RandomBoolean(values.decimal("probability").doubleValue());
    }

    @Override
    public void validate(GeneratorSpec.RandomBoolean spec, GeneratorChecks checks) {
        probability(spec.probability(), checks, "probability: 0.8");
    }

    static void probability(double probability, GeneratorChecks checks, String example) {
        if (!(probability >= 0 && probability <= 1)) {
            checks.problem(
                    "probability",
                    BigDecimal.valueOf(probability).stripTrailingZeros().toPlainString()
                            + " is not a probability; use a number from 0 to 1, e.g. " + example);
        }
    }

    @Override
    public Generator create(GeneratorSpec.RandomBoolean spec, long tableSeed) {
        double probability = spec.probability();
        return context -> AttributeValue.fromBool(context.random().nextDouble() < probability);
    }
}
