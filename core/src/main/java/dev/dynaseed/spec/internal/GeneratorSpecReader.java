package dev.dynaseed.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynaseed.generate.GeneratorKind;
import dev.dynaseed.generate.GeneratorKinds;
import dev.dynaseed.generate.Parameter;
import dev.dynaseed.generate.ParameterType;
import dev.dynaseed.generate.ParameterValues;
import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SpecValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one attribute's generator: either its bare name ({@code uuid4}) or an object ({@code {generator: ...}}),
 * reading each parameter by the type its {@link GeneratorKind} declares.
 */
public final class GeneratorSpecReader {
    /** {@code #{Provider.method}}: Datafaker providers are capitalised, attributes in templates seldom are. */
    private static final Pattern DATAFAKER = Pattern.compile("#\\{[A-Z][A-Za-z0-9]*\\.[A-Za-z]");

    private final List<Problem> problems;

    public GeneratorSpecReader(List<Problem> problems) {
        this.problems = problems;
    }

    public Optional<GeneratorSpec> read(JsonNode node, String path) {
        if (node != null && node.isTextual()) {
            String text = node.textValue();
            if (GeneratorKinds.named(text).isEmpty() && text.contains("{")) {
                // A bare text with placeholders: a Datafaker expression (#{Name.fullName}) or a template.
                return Optional.of(
                        DATAFAKER.matcher(text).find()
                                ? new GeneratorSpec.Fake(text, "en")
                                : new GeneratorSpec.Template(text));
            }
            return kind(text, path).flatMap(kind -> bare(kind, path));
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
                    "missing; name the generator, one of " + kindList() + ", e.g. generator: uuid4"));
            return Optional.empty();
        }
        Optional<GeneratorKind<?>> kind = kind(kindNode.textValue(), path + ".generator");
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        List<String> allowed = new ArrayList<>();
        allowed.add("generator");
        kind.get().parameters().forEach(parameter -> allowed.add(parameter.name()));
        int before = problems.size();
        Optional<ObjectFields> fields = ObjectFields.of(node, path, problems, allowed, "{generator: uuid4}");
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> given = new HashMap<>();
        for (Parameter parameter : kind.get().parameters()) {
            read(parameter, fields.get()).ifPresent(value -> given.put(parameter.name(), value));
        }
        if (problems.size() != before) {
            return Optional.empty();
        }
        return Optional.of(kind.get().read(ParameterValues.of(kind.get(), given)));
    }

    private static String kindList() {
        return String.join(", ", GeneratorKinds.names());
    }

    private Optional<GeneratorKind<?>> kind(String name, String path) {
        Optional<GeneratorKind<?>> kind = GeneratorKinds.named(name);
        if (kind.isEmpty()) {
            String hint = DidYouMean.hint(name, GeneratorKinds.names());
            problems.add(new Problem(path, "'" + name + "' is not a generator; " + hint + "use one of " + kindList()));
        }
        return kind;
    }

    private Optional<GeneratorSpec> bare(GeneratorKind<?> kind, String path) {
        if (!kind.bareNameAllowed()) {
            problems.add(new Problem(
                    path, "generator '" + kind.name() + "' needs parameters; write e.g. " + kind.example()));
            return Optional.empty();
        }
        return Optional.of(kind.read(ParameterValues.of(kind, Map.of())));
    }

    /** The parameter's value, of the Java type {@link ParameterValues} expects; empty (maybe with a problem). */
    private Optional<Object> read(Parameter parameter, ObjectFields fields) {
        String name = parameter.name();
        if (parameter.required() && !fields.has(name)) {
            fields.missing(name, parameter.example());
            return Optional.empty();
        }
        return switch (parameter.type()) {
            case WHOLE_NUMBER -> fields.wholeNumber(name, parameter.example()).map(Object.class::cast);
            case DECIMAL -> fields.decimal(name, parameter.example()).map(Object.class::cast);
            case TEXT -> fields.text(name, parameter.example()).map(Object.class::cast);
            case LITERAL -> fields.node(name).flatMap(value -> literal(value, fields.pathOf(name)));
            case LITERAL_LIST -> list(parameter, fields, this::literal);
            case NUMBER_LIST -> list(parameter, fields, (element, path) -> number(element, path, parameter.example()));
            case GENERATOR -> fields.node(name).flatMap(value -> read(value, fields.pathOf(name)));
            case GENERATOR_MAP ->
                fields.node(name).flatMap(value -> generatorMap(value, fields.pathOf(name), parameter));
        };
    }

    /** A map of names to generators, in the order written (an entity's or a map generator's attributes). */
    public Optional<Object> generatorMap(JsonNode node, String path, Parameter parameter) {
        if (!node.isObject()) {
            problems.add(new Problem(
                    path,
                    "expected " + parameter.type().description() + ", got " + ObjectFields.describe(node)
                            + "; write e.g. " + parameter.example()));
            return Optional.empty();
        }
        Map<String, GeneratorSpec> generators = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            read(field.getValue(), SpecPaths.field(path, field.getKey()))
                    .ifPresent(generator -> generators.put(field.getKey(), generator));
        }
        return Optional.of(generators);
    }

    private interface ElementReader {
        Optional<Object> read(JsonNode element, String path);
    }

    private Optional<Object> list(Parameter parameter, ObjectFields fields, ElementReader elements) {
        String name = parameter.name();
        Optional<JsonNode> node = fields.node(name);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (!node.get().isArray()) {
            fields.wrongType(name, node.get(), parameter.type().description(), parameter.example());
            return Optional.empty();
        }
        if (node.get().isEmpty() && parameter.type() == ParameterType.NUMBER_LIST) {
            // Weights: an empty list is not "equal chances" but a list without its weights.
            fields.problem(
                    name, "is empty; give one number per value, e.g. " + parameter.example() + ", or leave it out");
            return Optional.empty();
        }
        List<Object> values = new ArrayList<>();
        int index = 0;
        for (JsonNode element : node.get()) {
            elements.read(element, fields.pathOf(name) + "[" + index++ + "]").ifPresent(values::add);
        }
        return Optional.of(List.copyOf(values));
    }

    private Optional<Object> number(JsonNode value, String path, String example) {
        if (value.isNumber()) {
            // Read exactly first: a double would show 1e400 as Infinity and 1e-400 as 0.0.
            BigDecimal exact = value.decimalValue();
            double number = exact.doubleValue();
            double size = Math.abs(number);
            if (size > 1e300 || (size < 1e-300 && exact.signum() != 0)) {
                problems.add(new Problem(
                        path,
                        ObjectFields.describe(value) + " is out of range; use a number from 1E-300 to 1E+300, e.g. "
                                + example));
                return Optional.empty();
            }
            return Optional.of(number);
        }
        problems.add(new Problem(path, ObjectFields.describe(value) + " is not a number; write e.g. " + example));
        return Optional.empty();
    }

    private Optional<Object> literal(JsonNode value, String path) {
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
