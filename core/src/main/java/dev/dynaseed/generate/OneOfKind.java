package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.SpecValue;
import dev.dynaseed.spec.ValueType;
import dev.dynaseed.spec.internal.DynamoNumbers;
import dev.dynaseed.spec.internal.Quote;
import java.math.BigDecimal;
import java.util.List;

/** The {@code oneOf} generator kind. */
final class OneOfKind implements GeneratorKind<GeneratorSpec.OneOf> {
    static final OneOfKind INSTANCE = new OneOfKind();

    private OneOfKind() {}

    @Override
    public GeneratorSpec.Kind kind() {
        return GeneratorSpec.Kind.ONE_OF;
    }

    @Override
    public Class<GeneratorSpec.OneOf> specType() {
        return GeneratorSpec.OneOf.class;
    }

    @Override
    public String doc() {
        return "one of the values, uniformly or by weight";
    }

    @Override
    public String valueTypes() {
        return "type of its values";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.required(
                        "values",
                        ParameterType.LITERAL_LIST,
                        "values: [web, mobile, desktop]",
                        "the values to pick from, all of one type"),
                Parameter.optional(
                        "weights",
                        ParameterType.NUMBER_LIST,
                        "weights: [70, 20, 10]",
                        "one positive number per value; equal chances without it"));
    }

    @Override
    public String example() {
        return "{generator: oneOf, values: [web, mobile, desktop]}";
    }

    @Override
    public GeneratorSpec.OneOf read(ParameterValues values) {
        return new GeneratorSpec.OneOf(values.literals("values"), values.numbers("weights"));
    }

    @Override
    public void validate(GeneratorSpec.OneOf spec, GeneratorChecks checks) {
        if (spec.values().isEmpty()) {
            checks.problem("values", "is empty; list the values to pick from, e.g. values: [web, mobile]");
            return;
        }
        for (int i = 0; i < spec.values().size(); i++) {
            if (spec.values().get(i) instanceof SpecValue.Number number) {
                String shown = Quote.bare(number.value().toString());
                int index = i;
                DynamoNumbers.problem(number.value())
                        .ifPresent(problem -> checks.problem(
                                "values[" + index + "]",
                                problem + "; use a number DynamoDB can store, or quote it to store a string, e.g. '"
                                        + shown + "'"));
            }
        }
        ValueType first = spec.values().get(0).type();
        for (int i = 1; i < spec.values().size(); i++) {
            if (spec.values().get(i).type() != first) {
                checks.problem(
                        "values[" + i + "]",
                        "is of type " + spec.values().get(i).type() + " but values[0] is " + first
                                + "; all values of a oneOf need the same type");
            }
        }
        if (!spec.weights().isEmpty() && spec.weights().size() != spec.values().size()) {
            checks.problem(
                    "weights",
                    "has " + spec.weights().size() + " weights for "
                            + spec.values().size() + " values; give one weight per value, or none for equal chances");
        }
        for (int i = 0; i < spec.weights().size(); i++) {
            double weight = spec.weights().get(i);
            if (!(weight > 0) || Double.isInfinite(weight)) {
                checks.problem(
                        "weights[" + i + "]",
                        shown(weight) + " is not a positive weight; use a number above 0, e.g. 10");
            }
        }
    }

    /** A weight as a person writes it: {@code 0}, not {@code 0.0}. */
    private static String shown(double weight) {
        return Double.isFinite(weight)
                ? Quote.bare(BigDecimal.valueOf(weight).stripTrailingZeros().toPlainString())
                : Double.toString(weight);
    }

    @Override
    public Generator create(GeneratorSpec.OneOf spec, long tableSeed) {
        return new OneOfGenerator(
                spec.values().stream().map(Literals::attributeValue).toList(), spec.weights());
    }
}
