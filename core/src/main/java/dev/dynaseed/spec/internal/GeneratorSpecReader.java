package dev.dynaseed.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SpecValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads one attribute's generator: either its bare name ({@code uuid4}) or an object ({@code {generator: ...}}). */
public final class GeneratorSpecReader {

    /** Each generator kind with the parameters it accepts besides {@code generator}. */
    public static final Map<String, List<String>> KINDS = kinds();

    /** The kinds that cannot be named bare, with an example of their object form. */
    private static final Map<String, String> NEEDS_PARAMETERS = Map.of(
            "constant", "{generator: constant, value: active}",
            "intRange", "{generator: intRange, min: 1, max: 100}",
            "decimalRange", "{generator: decimalRange, min: 0, max: 100, scale: 2}",
            "oneOf", "{generator: oneOf, values: [web, mobile, desktop]}");

    private static final String KIND_LIST =
            "uuid1, uuid4, epochSeconds, epochMillis, isoTimestamp, constant, sequence, intRange, decimalRange, "
                    + "oneOf, bytes";

    private final List<Problem> problems;

    // Ordered, so that "did you mean" picks the same suggestion on every run when two are equally close.
    private static Map<String, List<String>> kinds() {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        kinds.put("uuid1", List.of());
        kinds.put("uuid4", List.of());
        kinds.put("epochSeconds", List.of("withinSeconds"));
        kinds.put("epochMillis", List.of("withinSeconds"));
        kinds.put("isoTimestamp", List.of("withinSeconds"));
        kinds.put("constant", List.of("value"));
        kinds.put("sequence", List.of("start", "step", "prefix"));
        kinds.put("intRange", List.of("min", "max"));
        kinds.put("decimalRange", List.of("min", "max", "scale"));
        kinds.put("oneOf", List.of("values", "weights"));
        kinds.put("bytes", List.of("length"));
        return Collections.unmodifiableMap(kinds);
    }

    public GeneratorSpecReader(List<Problem> problems) {
        this.problems = problems;
    }

    public Optional<GeneratorSpec> read(JsonNode node, String path) {
        if (node != null && node.isTextual()) {
            return kind(node.textValue(), path)
                    .flatMap(kind ->
                            NEEDS_PARAMETERS.containsKey(kind) ? needsParameters(kind, path) : build(kind, null));
        }
        if (node == null || !node.isObject()) {
            problems.add(new Problem(
                    path,
                    "expected a generator, got " + ObjectFields.describe(node)
                            + "; write e.g. uuid4 or {generator: intRange, min: 1, max: 100}"));
            return Optional.empty();
        }
        JsonNode kindNode = node.get("generator");
        if (kindNode == null || !kindNode.isTextual()) {
            problems.add(new Problem(
                    path + ".generator",
                    "missing; name the generator, one of " + KIND_LIST + ", e.g. generator: uuid4"));
            return Optional.empty();
        }
        Optional<String> kind = kind(kindNode.textValue(), path + ".generator");
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        List<String> allowed = new ArrayList<>();
        allowed.add("generator");
        allowed.addAll(KINDS.get(kind.get()));
        int before = problems.size();
        Optional<ObjectFields> fields = ObjectFields.of(node, path, problems, allowed, "{generator: uuid4}");
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Optional<GeneratorSpec> spec = build(kind.get(), fields.get());
        return problems.size() == before ? spec : Optional.empty();
    }

    private Optional<String> kind(String name, String path) {
        if (KINDS.containsKey(name)) {
            return Optional.of(name);
        }
        String hint = DidYouMean.closest(name, KINDS.keySet())
                .map(match -> "did you mean '" + match + "'? ")
                .orElse("");
        problems.add(new Problem(path, "'" + name + "' is not a generator; " + hint + "use one of " + KIND_LIST));
        return Optional.empty();
    }

    private Optional<GeneratorSpec> needsParameters(String kind, String path) {
        problems.add(new Problem(
                path, "generator '" + kind + "' needs parameters; write e.g. " + NEEDS_PARAMETERS.get(kind)));
        return Optional.empty();
    }

    /** Builds the spec; {@code fields} is null for the bare-name form, which takes every default. */
    private Optional<GeneratorSpec> build(String kind, ObjectFields fields) {
        Function<String, Optional<Long>> whole =
                name -> fields == null ? Optional.empty() : fields.wholeNumber(name, name + ": 10");
        return switch (kind) {
            case "uuid1" -> Optional.of(new GeneratorSpec.Uuid1());
            case "uuid4" -> Optional.of(new GeneratorSpec.Uuid4());
            case "epochSeconds" ->
                Optional.of(new GeneratorSpec.EpochSeconds(
                        whole.apply("withinSeconds").orElse(0L)));
            case "epochMillis" ->
                Optional.of(new GeneratorSpec.EpochMillis(
                        whole.apply("withinSeconds").orElse(0L)));
            case "isoTimestamp" ->
                Optional.of(new GeneratorSpec.IsoTimestamp(
                        whole.apply("withinSeconds").orElse(0L)));
            case "sequence" ->
                Optional.of(new GeneratorSpec.Sequence(
                        whole.apply("start").orElse(1L),
                        whole.apply("step").orElse(1L),
                        fields == null ? Optional.empty() : fields.text("prefix", "prefix: user-")));
            case "bytes" ->
                Optional.of(new GeneratorSpec.RandomBytes(Math.toIntExact(Math.max(
                        Integer.MIN_VALUE,
                        Math.min(Integer.MAX_VALUE, whole.apply("length").orElse(16L))))));
            case "constant" ->
                fields.required("value", "value: active")
                        .flatMap(value -> literal(value, fields.pathOf("value")))
                        .map(GeneratorSpec.Constant::new);
            case "intRange" -> {
                Optional<Long> min = fields.requiredWholeNumber("min", "min: 1");
                Optional<Long> max = fields.requiredWholeNumber("max", "max: 100");
                yield min.isPresent() && max.isPresent()
                        ? Optional.of(new GeneratorSpec.IntRange(min.get(), max.get()))
                        : Optional.empty();
            }
            case "decimalRange" -> {
                var min = fields.requiredDecimal("min", "min: 0.5");
                var max = fields.requiredDecimal("max", "max: 99.5");
                long scale = fields.wholeNumber("scale", "scale: 2").orElse(2L);
                yield min.isPresent() && max.isPresent()
                        ? Optional.of(new GeneratorSpec.DecimalRange(
                                min.get(), max.get(), (int) Math.max(-1, Math.min(scale, 1000))))
                        : Optional.empty();
            }
            case "oneOf" -> oneOf(fields);
            default -> throw new IllegalStateException("generator kind without a builder: " + kind);
        };
    }

    private Optional<GeneratorSpec> oneOf(ObjectFields fields) {
        Optional<JsonNode> valuesNode = fields.required("values", "values: [web, mobile, desktop]");
        if (valuesNode.isEmpty()) {
            return Optional.empty();
        }
        if (!valuesNode.get().isArray()) {
            fields.wrongType("values", valuesNode.get(), "a list", "values: [web, mobile, desktop]");
            return Optional.empty();
        }
        List<SpecValue> values = new ArrayList<>();
        int index = 0;
        for (JsonNode value : valuesNode.get()) {
            literal(value, fields.pathOf("values") + "[" + index++ + "]").ifPresent(values::add);
        }
        List<Double> weights = new ArrayList<>();
        Optional<JsonNode> weightsNode = fields.node("weights");
        if (weightsNode.isPresent()) {
            if (!weightsNode.get().isArray()) {
                fields.wrongType("weights", weightsNode.get(), "a list of numbers", "weights: [70, 20, 10]");
                return Optional.empty();
            }
            index = 0;
            for (JsonNode weight : weightsNode.get()) {
                if (weight.isNumber()) {
                    weights.add(weight.doubleValue());
                } else {
                    problems.add(new Problem(
                            fields.pathOf("weights") + "[" + index + "]",
                            ObjectFields.describe(weight) + " is not a number; write e.g. weights: [70, 20, 10]"));
                }
                index++;
            }
        }
        return Optional.of(new GeneratorSpec.OneOf(values, weights));
    }

    private Optional<SpecValue> literal(JsonNode value, String path) {
        if (value.isTextual()) {
            return Optional.of(new SpecValue.Text(value.textValue()));
        }
        if (value.isNumber()) {
            return Optional.of(new SpecValue.Number(value.decimalValue()));
        }
        if (value.isBoolean()) {
            return Optional.of(new SpecValue.Bool(value.booleanValue()));
        }
        problems.add(new Problem(
                path,
                ObjectFields.describe(value) + " is not a string, number or boolean; write e.g. active, 42 or true"));
        return Optional.empty();
    }
}
