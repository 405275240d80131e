package dev.dynaseed.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynaseed.spec.Problem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Reads the fields of one object of a spec tree, recording a {@link Problem} (with its path) for every field of the
 * wrong JSON type, every missing required field and every unknown field, instead of stopping at the first.
 */
public final class ObjectFields {
    private final JsonNode node;
    private final String path;
    private final List<Problem> problems;
    private final List<String> allowed;

    private ObjectFields(JsonNode node, String path, List<Problem> problems, List<String> allowed) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.allowed = List.copyOf(allowed);
    }

    /**
     * Starts reading {@code node} as an object with the given fields; reports unknown fields at once. Returns empty
     * (after recording a problem) when the node is not an object.
     */
    public static Optional<ObjectFields> of(
            JsonNode node, String path, List<Problem> problems, List<String> allowed, String example) {
        if (node == null || !node.isObject()) {
            problems.add(new Problem(
                    path,
                    "expected an object with fields " + allowed + ", got " + describe(node) + "; write e.g. "
                            + example));
            return Optional.empty();
        }
        ObjectFields fields = new ObjectFields(node, path, problems, allowed);
        fields.reportUnknown();
        return Optional.of(fields);
    }

    public String path() {
        return path;
    }

    /** The path of a field of this object. */
    public String pathOf(String field) {
        return SpecPaths.field(path, field);
    }

    public boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    public Optional<JsonNode> node(String field) {
        return has(field) ? Optional.of(node.get(field)) : Optional.empty();
    }

    /** Records that a required field is missing. */
    public void missing(String field, String example) {
        problems.add(new Problem(pathOf(field), "missing; add e.g. " + example));
    }

    public Optional<JsonNode> required(String field, String example) {
        if (!has(field)) {
            missing(field, example);
        }
        return node(field);
    }

    public Optional<String> text(String field, String example) {
        return node(field).flatMap(value -> {
            if (value.isTextual()) {
                return Optional.of(value.textValue());
            }
            wrongType(field, value, "a string", example);
            return Optional.empty();
        });
    }

    public Optional<String> requiredText(String field, String example) {
        if (!has(field)) {
            missing(field, example);
            return Optional.empty();
        }
        return text(field, example);
    }

    /** {@code true} or {@code false}; anything else (also the text 'true') is a problem. */
    public Optional<Boolean> bool(String field, String example) {
        return node(field).flatMap(value -> {
            if (value.isBoolean()) {
                return Optional.of(value.booleanValue());
            }
            wrongType(field, value, "true or false", example);
            return Optional.empty();
        });
    }

    /** A whole number of any size (so that none wraps), or empty after recording a problem. */
    public Optional<BigInteger> integer(String field, String example) {
        return node(field).flatMap(value -> {
            if (value.isIntegralNumber()) {
                return Optional.of(value.bigIntegerValue());
            }
            if (value.isNumber()) {
                // 1e2 and 100.0 are whole numbers written as decimals.
                BigDecimal number = value.decimalValue().stripTrailingZeros();
                if (number.scale() <= 0) {
                    // 1e99999999 is not expanded: any number of more digits than a spec number holds is out of
                    // every range, and messages show the number as written.
                    return Optional.of(
                            number.precision() - number.scale() > SpecLimits.MAX_NUMBER_LENGTH
                                    ? BigInteger.TEN
                                            .pow(SpecLimits.MAX_NUMBER_LENGTH)
                                            .multiply(BigInteger.valueOf(number.signum()))
                                    : number.toBigIntegerExact());
                }
                problem(field, describe(value) + " is not a whole number; write e.g. " + example);
                return Optional.empty();
            }
            wrongType(field, value, "a whole number", example);
            return Optional.empty();
        });
    }

    /** A whole number that fits a {@code long}; a larger one is a problem naming the range. */
    public Optional<Long> wholeNumber(String field, String example) {
        return wholeNumber(field, example, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A whole number from {@code min} to {@code max}; one outside is a problem naming the value and the range. */
    public Optional<Long> wholeNumber(String field, String example, long min, long max) {
        return integer(field, example).flatMap(value -> {
            if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
                problem(field, describe(node(field).orElseThrow()) + " is out of range; use " + min + " to " + max);
                return Optional.empty();
            }
            return Optional.of(value.longValue());
        });
    }

    public Optional<Long> requiredWholeNumber(String field, String example) {
        return requiredWholeNumber(field, example, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public Optional<Long> requiredWholeNumber(String field, String example, long min, long max) {
        if (!has(field)) {
            missing(field, example);
            return Optional.empty();
        }
        return wholeNumber(field, example, min, max);
    }

    /** A number DynamoDB can store (magnitude below 1E+126 and, unless 0, at least 1E-130), kept exact. */
    public Optional<BigDecimal> decimal(String field, String example) {
        return node(field).flatMap(value -> {
            if (value.isNumber()) {
                if (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue()) && !value.isBigDecimal()) {
                    problem(field, describe(value) + " is not a number DynamoDB can store; write e.g. " + example);
                    return Optional.empty();
                }
                BigDecimal number = value.decimalValue();
                Optional<String> outside = DynamoNumbers.rangeProblem(number);
                if (outside.isPresent()) {
                    problem(field, outside.get() + ", e.g. " + example);
                    return Optional.empty();
                }
                return Optional.of(number);
            }
            wrongType(field, value, "a number", example);
            return Optional.empty();
        });
    }

    public Optional<BigDecimal> requiredDecimal(String field, String example) {
        if (!has(field)) {
            missing(field, example);
            return Optional.empty();
        }
        return decimal(field, example);
    }

    /** Records a problem about a field's value. */
    public void problem(String field, String message) {
        problems.add(new Problem(pathOf(field), message));
    }

    public void wrongType(String field, JsonNode value, String expected, String example) {
        problem(field, describe(value) + " is not " + expected + "; write e.g. " + example);
    }

    private void reportUnknown() {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        for (String name : unknown) {
            String hint = DidYouMean.hint(name, allowed);
            problems.add(new Problem(
                    pathOf(name), "unknown field; " + hint + "fields allowed here: " + String.join(", ", allowed)));
        }
    }

    /** A short rendering of a value for messages: {@code 'text'} (cut if long), {@code 12}, {@code a list}. */
    public static String describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isTextual()) {
            return Quote.of(value.textValue());
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "an object";
        }
        return Quote.bare(value.toString());
    }
}
