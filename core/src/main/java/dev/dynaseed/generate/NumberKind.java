package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.internal.DynamoNumbers;
import dev.dynaseed.spec.internal.Quote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@code number} generator kind: uniform, normal or Zipf numbers within bounds. */
final class NumberKind implements GeneratorKind<GeneratorSpec.RandomNumber> {
    static final NumberKind INSTANCE = new NumberKind();
    /** The widest whole-number range drawn exactly (a long); wider ranges are for decimals. */
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(-(Long.MAX_VALUE / 2));

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE / 2);

    private NumberKind() {}

    @Override
    public GeneratorSpec.Kind kind() {
        return GeneratorSpec.Kind.NUMBER;
    }

    @Override
    public Class<GeneratorSpec.RandomNumber> specType() {
        return GeneratorSpec.RandomNumber.class;
    }

    @Override
    public String doc() {
        return "number from `min` to `max` with `scale` decimals: `uniform`; `normal` around `mean` with `stddev`,"
                + " clamped to min and max; or `zipf` (whole numbers, `min` most frequent, then min+1, ...)";
    }

    @Override
    public String valueTypes() {
        return "N";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.text(
                        "distribution",
                        "uniform",
                        "distribution: normal",
                        "one of " + String.join(", ", GeneratorSpec.RandomNumber.DISTRIBUTIONS)),
                Parameter.required("min", ParameterType.DECIMAL, "min: 0", "the smallest value"),
                Parameter.required("max", ParameterType.DECIMAL, "max: 100", "the largest value, ≥ min"),
                Parameter.optional(
                        "mean", ParameterType.DECIMAL, "mean: 50", "normal: the centre; midway when left out"),
                Parameter.optional("stddev", ParameterType.DECIMAL, "stddev: 15", "normal: the spread, > 0"),
                Parameter.decimal(
                        "exponent", BigDecimal.ONE, "exponent: 1.2", "zipf: the skew, > 0 (higher: more skewed)"),
                Parameter.whole("scale", 0, "scale: 2", "digits after the decimal point")
                        .between(0, 20));
    }

    @Override
    public String example() {
        return "{generator: number, distribution: normal, min: 0, max: 200, mean: 60, stddev: 20, scale: 2}";
    }

    @Override
    public GeneratorSpec.RandomNumber read(ParameterValues values) {
        return new GeneratorSpec.RandomNumber(
                values.text("distribution").orElseThrow(),
                values.decimal("min"),
                values.decimal("max"),
                values.optionalDecimal("mean"),
                values.optionalDecimal("stddev"),
                values.decimal("exponent"),
                (int) values.whole("scale"));
    }

    @Override
    public void validate(GeneratorSpec.RandomNumber spec, GeneratorChecks checks) {
        String distribution = spec.distribution();
        if (!GeneratorSpec.RandomNumber.DISTRIBUTIONS.contains(distribution)) {
            checks.problem(
                    "distribution",
                    Quote.of(distribution) + " is not a distribution; use one of "
                            + String.join(", ", GeneratorSpec.RandomNumber.DISTRIBUTIONS) + ", e.g. distribution:"
                            + " normal");
            return;
        }
        if (spec.scale() < 0 || spec.scale() > 20) {
            checks.problem("scale", spec.scale() + " is out of range; use 0 to 20, e.g. scale: 2");
            return;
        }
        if (spec.min().compareTo(spec.max()) > 0) {
            checks.problem("min " + plain(spec.min()) + " is greater than max " + plain(spec.max()) + "; swap them");
            return;
        }
        if (spec.min().compareTo(LONG_MIN) < 0 || spec.max().compareTo(LONG_MAX) > 0) {
            checks.problem("min and max must lie within ±" + LONG_MAX.toPlainString() + "; use decimalRange for wider"
                    + " numbers");
            return;
        }
        DynamoNumbers.problem(spec.min()).ifPresent(problem -> checks.problem("min", problem));
        DynamoNumbers.problem(spec.max()).ifPresent(problem -> checks.problem("max", problem));
        switch (distribution) {
            case "normal" -> {
                if (spec.stddev().isEmpty() || spec.stddev().get().signum() <= 0) {
                    checks.problem(
                            "stddev",
                            spec.stddev()
                                            .map(s -> plain(s) + " is not positive")
                                            .orElse("missing")
                                    + "; the normal distribution needs a spread, e.g. stddev: 15");
                }
                spec.mean()
                        .filter(mean -> mean.compareTo(spec.min()) < 0 || mean.compareTo(spec.max()) > 0)
                        .ifPresent(mean ->
                                checks.problem("mean", plain(mean) + " lies outside min to max; put it between them"));
            }
            case "zipf" -> {
                if (spec.scale() != 0 || !whole(spec.min()) || !whole(spec.max())) {
                    checks.problem("zipf draws whole numbers; use whole min and max and scale 0");
                }
                if (spec.exponent().signum() <= 0) {
                    checks.problem("exponent", plain(spec.exponent()) + " is not positive; use e.g. exponent: 1.2");
                }
            }
            default -> {}
        }
        if (!"zipf".equals(distribution)) {
            // Draws are rounded to the scale and kept within min and max: with no such number there, none could be.
            ScaledRange.emptyProblem(spec.min(), spec.max(), spec.scale(), 20).ifPresent(checks::problem);
        }
        if (!"normal".equals(distribution)) {
            if (spec.mean().isPresent() || spec.stddev().isPresent()) {
                checks.problem("mean and stddev apply to distribution: normal only; remove them or add it");
            }
        }
    }

    private static boolean whole(BigDecimal number) {
        return number.stripTrailingZeros().scale() <= 0;
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    @Override
    public Generator create(GeneratorSpec.RandomNumber spec, long tableSeed) {
        int scale = spec.scale();
        BigDecimal min = spec.min();
        BigDecimal max = spec.max();
        return switch (spec.distribution()) {
            case "normal" -> {
                double mean = spec.mean()
                        .orElse(min.add(max).divide(BigDecimal.valueOf(2)))
                        .doubleValue();
                double stddev = spec.stddev().orElseThrow().doubleValue();
                yield context -> number(clamp(mean + stddev * context.random().nextGaussian(), min, max, scale));
            }
            case "zipf" -> {
                long low = min.longValueExact();
                ZipfSampler zipf = new ZipfSampler(
                        max.longValueExact() - low + 1, spec.exponent().doubleValue());
                yield context -> AttributeValue.fromN(Long.toString(low + zipf.sample(context.random()) - 1));
            }
            default -> {
                if (scale == 0) {
                    long low = min.setScale(0, RoundingMode.CEILING).longValueExact();
                    long high = max.setScale(0, RoundingMode.FLOOR).longValueExact();
                    yield context ->
                            AttributeValue.fromN(Long.toString(context.random().nextLong(low, high + 1)));
                }
                double low = min.doubleValue();
                double width = max.doubleValue() - low;
                yield context -> number(clamp(low + context.random().nextDouble() * width, min, max, scale));
            }
        };
    }

    private static BigDecimal clamp(double value, BigDecimal min, BigDecimal max, int scale) {
        BigDecimal exact = new BigDecimal(value).setScale(scale, RoundingMode.HALF_EVEN);
        if (exact.compareTo(min) < 0) {
            exact = min.setScale(scale, RoundingMode.CEILING);
        }
        if (exact.compareTo(max) > 0) {
            exact = max.setScale(scale, RoundingMode.FLOOR);
        }
        return exact;
    }

    private static AttributeValue number(BigDecimal value) {
        return AttributeValue.fromN(value.toPlainString());
    }
}
