package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.internal.DynamoNumbers;
import dev.dynaseed.spec.internal.Quote;
import dev.dynaseed.spec.internal.SpecLimits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@code decimalRange} generator kind. */
final class DecimalRangeKind implements GeneratorKind<GeneratorSpec.DecimalRange> {
    static final DecimalRangeKind INSTANCE = new DecimalRangeKind();

    static final int MAX_SCALE = 20;

    private DecimalRangeKind() {}

    @Override
    public GeneratorSpec.Kind kind() {
        return GeneratorSpec.Kind.DECIMAL_RANGE;
    }

    @Override
    public Class<GeneratorSpec.DecimalRange> specType() {
        return GeneratorSpec.DecimalRange.class;
    }

    @Override
    public String doc() {
        return "uniform decimal from `min` to `max` with `scale` digits after the point";
    }

    @Override
    public String valueTypes() {
        return "N";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.required("min", ParameterType.DECIMAL, "min: 0.5", "the smallest value"),
                Parameter.required("max", ParameterType.DECIMAL, "max: 99.5", "the largest value, ≥ min"),
                Parameter.whole("scale", 2, "scale: 2", "digits after the point")
                        .between(0, MAX_SCALE));
    }

    @Override
    public String example() {
        return "{generator: decimalRange, min: 0, max: 100, scale: 2}";
    }

    @Override
    public GeneratorSpec.DecimalRange read(ParameterValues values) {
        long scale = values.whole("scale");
        return new GeneratorSpec.DecimalRange(values.decimal("min"), values.decimal("max"), (int)
                Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, scale)));
    }

    @Override
    public void validate(GeneratorSpec.DecimalRange spec, GeneratorChecks checks) {
        boolean valid = true;
        for (String bound : List.of("min", "max")) {
            BigDecimal value = bound.equals("min") ? spec.min() : spec.max();
            Optional<String> outside = DynamoNumbers.rangeProblem(value);
            if (outside.isPresent()) {
                checks.problem(bound, outside.get() + "; use a smaller number, e.g. " + bound + ": 100");
                valid = false;
            }
        }
        if (spec.min().compareTo(spec.max()) > 0) {
            checks.problem("min " + spec.min().toPlainString() + " is greater than max "
                    + spec.max().toPlainString() + "; swap them");
            valid = false;
        }
        if (spec.scale() < 0 || spec.scale() > MAX_SCALE) {
            checks.problem(
                    "scale",
                    spec.scale() + " is out of range; use 0 to " + MAX_SCALE
                            + " digits after the point, e.g. scale: 2");
            valid = false;
        }
        if (!valid) {
            return;
        }
        Optional<String> empty = ScaledRange.emptyProblem(spec.min(), spec.max(), spec.scale(), MAX_SCALE);
        if (empty.isPresent()) {
            checks.problem(empty.get());
            return;
        }
        String range = "from " + Quote.bare(spec.min().toPlainString()) + " to "
                + Quote.bare(spec.max().toPlainString());
        int digits = digits(spec, spec.scale());
        if (digits > DynamoNumbers.MAX_DIGITS) {
            int fits = spec.scale() - (digits - DynamoNumbers.MAX_DIGITS);
            checks.problem(range + " with scale " + spec.scale() + " makes numbers of " + digits
                    + " significant digits; DynamoDB numbers hold at most " + DynamoNumbers.MAX_DIGITS
                    + (fits >= 0
                            ? ": use scale: " + fits + " or lower for this range"
                            : ": narrow the range to at most " + DynamoNumbers.MAX_DIGITS
                                    + " digits before the point, e.g. max: 1000000"));
            return;
        }
        if (tooMany(spec, spec.scale())) {
            int fits = spec.scale() - 1;
            while (fits >= 0 && tooMany(spec, fits)) {
                fits--;
            }
            checks.problem(
                    range + " with scale " + spec.scale() + " has too many distinct values to draw from (at most "
                            + SpecLimits.grouped(Long.MAX_VALUE) + ")"
                            + (fits >= 0
                                    ? "; use scale: " + fits + " or lower for this range"
                                    : "; narrow the range, e.g. max: 1000000"));
        }
    }

    /** Whether the range holds more values at {@code scale} than one random {@code long} can pick from. */
    private static boolean tooMany(GeneratorSpec.DecimalRange spec, int scale) {
        return steps(spec.min(), spec.max(), scale).bitLength() >= 63;
    }

    /** The most significant digits a value of the range has at {@code scale}. */
    private static int digits(GeneratorSpec.DecimalRange spec, int scale) {
        int most = 1;
        for (BigDecimal bound : List.of(
                spec.min().setScale(scale, RoundingMode.CEILING), spec.max().setScale(scale, RoundingMode.FLOOR))) {
            most = Math.max(most, bound.unscaledValue().abs().toString().length());
        }
        return most;
    }

    @Override
    public Generator create(GeneratorSpec.DecimalRange spec, long tableSeed) {
        int scale = spec.scale();
        BigDecimal low = spec.min().setScale(scale, RoundingMode.CEILING);
        long count = steps(spec.min(), spec.max(), scale).longValueExact() + 1;
        return context -> {
            long step = context.random().nextLong(count);
            return AttributeValue.fromN(low.add(BigDecimal.valueOf(step, scale)).toPlainString());
        };
    }

    /** How many steps of {@code 10^-scale} lie between the lowest and the highest value (at least 0). */
    private static BigInteger steps(BigDecimal min, BigDecimal max, int scale) {
        BigDecimal low = min.setScale(scale, RoundingMode.CEILING);
        BigDecimal high = max.setScale(scale, RoundingMode.FLOOR).max(low);
        return high.subtract(low).unscaledValue();
    }
}
