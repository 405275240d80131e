package dev.dynaseed.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynaseed.spec.Problem;
import java.math.BigDecimal;
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
        return path.isEmpty() ? field : path + "." + field;
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

    public Optional<Long> wholeNumber(String field, String example) {
        return node(field).flatMap(value -> {
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                return Optional.of(value.longValue());
            }
            wrongType(field, value, "a whole number", example);
            return Optional.empty();
        });
    }

    public Optional<Long> requiredWholeNumber(String field, String example) {
        if (!has(field)) {
            missing(field, example);
            return Optional.empty();
        }
        return wholeNumber(field, example);
    }

    public Optional<BigDecimal> decimal(String field, String example) {
        return node(field).flatMap(value -> {
            if (value.isNumber()) {
                return Optional.of(value.decimalValue());
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
            String hint = DidYouMean.closest(name, allowed)
                    .map(match -> "did you mean '" + match + "'? ")
                    .orElse("");
            problems.add(new Problem(
                    pathOf(name), "unknown field; " + hint + "fields allowed here: " + String.join(", ", allowed)));
        }
    }

    /** A short rendering of a value for messages: {@code 'text'}, {@code 12}, {@code a list}. */
    public static String describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isTextual()) {
            return "'" + value.textValue() + "'";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "an object";
        }
        return value.toString();
    }
}
