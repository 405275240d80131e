package dev.dynaseed.imports.cloudformation;

import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SourceLocation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A template's Parameters with their values: the one given ({@code --parameter Key=Value}), else the Default; checked
 * against AllowedValues, AllowedPattern, lengths and number bounds as CloudFormation checks them when a stack is
 * created. A parameter with no value is a problem only where a table uses it.
 */
final class TemplateParameters {
    /** What CloudFormation shows in place of a NoEcho parameter's value. */
    private static final String MASK = "****";

    private final Map<String, TemplateNode.Mapping> declared = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    TemplateParameters(TemplateNode section, Map<String, String> given) {
        if (section instanceof TemplateNode.Mapping mapping) {
            mapping.entries().forEach((name, declaration) -> {
                if (declaration instanceof TemplateNode.Mapping fields) {
                    declared.put(name, fields);
                } else {
                    problems.add(problem(name, declaration.location(), "must be a mapping with a Type"));
                }
            });
        } else if (section != null) {
            problems.add(new Problem("Parameters", "must be a mapping of parameter names to declarations")
                    .at(section.location()));
        }
        List<String> unknown = new ArrayList<>();
        given.forEach((name, value) -> {
            if (declared.containsKey(name)) {
                values.put(name, value);
            } else {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            problems.add(new Problem(
                    "Parameters",
                    "Parameters: " + unknown + " do not exist in the template; the template declares "
                            + declared.keySet() + " (check the --parameter names)"));
        }
        declared.forEach((name, fields) -> {
            // A Systems Manager parameter type's Default is a Parameter Store key, not a value: CloudFormation
            // fetches the value under that key when it deploys (value() says so when the table uses it).
            if (!values.containsKey(name) && !systemsManager(type(fields))) {
                TemplateNode fallback = fields.get("Default");
                if (fallback instanceof TemplateNode.Scalar scalar) {
                    values.put(name, scalar.text());
                } else if (fallback instanceof TemplateNode.Sequence list) {
                    values.put(
                            name,
                            String.join(
                                    ",",
                                    list.items().stream()
                                            .map(TemplateParameters::text)
                                            .toList()));
                }
            }
            if (values.containsKey(name)) {
                check(name, fields, values.get(name));
            }
        });
    }

    /** Problems found in the declarations and the values given; CloudFormation would refuse to create the stack. */
    List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** {@code problem} with every NoEcho parameter's value shown as {@value #MASK}, wherever a value ended up. */
    Problem redact(Problem problem) {
        List<String> secrets = values.entrySet().stream()
                .filter(e -> noEcho(declared.get(e.getKey())) && !e.getValue().isBlank())
                .map(Map.Entry::getValue)
                .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .toList();
        String path = problem.path();
        String message = problem.message();
        for (String secret : secrets) {
            path = path.replace(secret, MASK);
            message = message.replace(secret, MASK);
        }
        return new Problem(path, message, problem.location());
    }

    boolean isDeclared(String name) {
        return declared.containsKey(name);
    }

    /** The names declared, for messages. */
    List<String> names() {
        return List.copyOf(declared.keySet());
    }

    /** The value of parameter {@code name} used at {@code at}: a string, or a list for list types. */
    TemplateNode value(String name, SourceLocation at) {
        TemplateNode.Mapping fields = declared.get(name);
        String type = type(fields);
        String value = values.get(name);
        if (value == null) {
            if (systemsManager(type)) {
                String key = fields.get("Default") instanceof TemplateNode.Scalar scalar
                        ? " under the key " + scalar.text()
                        : "";
                throw new TemplateProblem(
                        at,
                        "parameter '" + name + "' (" + type + ") has no value here: CloudFormation reads it from"
                                + " Systems Manager Parameter Store" + key + " when it deploys, which dynaseed does"
                                + " not do; give the value it holds with --parameter " + name + "=VALUE");
            }
            throw new TemplateProblem(
                    at,
                    "parameter '" + name + "' has no value (no value was given and it has no Default); give one with"
                            + " --parameter " + name + "=VALUE");
        }
        if (type.startsWith("List<") || type.equals("CommaDelimitedList") || type.contains("::List<")) {
            List<TemplateNode> items = new ArrayList<>();
            for (String item : value.split(",", -1)) {
                items.add(TemplateNode.Scalar.string(type.equals("CommaDelimitedList") ? item : item.trim(), at));
            }
            return new TemplateNode.Sequence(items, at);
        }
        return TemplateNode.Scalar.string(value, at);
    }

    /** Whether {@code type} is a Systems Manager parameter value type: its values are Parameter Store keys. */
    private static boolean systemsManager(String type) {
        return type.startsWith("AWS::SSM::Parameter::Value<");
    }

    private void check(String name, TemplateNode.Mapping fields, String value) {
        SourceLocation at = fields.location();
        String type = type(fields);
        boolean noEcho = noEcho(fields);
        boolean list = type.startsWith("List<") || type.equals("CommaDelimitedList");
        List<String> parts = list ? List.of(value.split(",", -1)) : List.of(value);
        for (String part : parts) {
            String item = list ? part.trim() : part;
            if (type.equals("Number") || type.equals("List<Number>")) {
                if (number(item).isEmpty()) {
                    problems.add(problem(
                            name, at, "Parameter '" + name + "' must be a number, got '" + shown(item, noEcho) + "'"));
                    return;
                }
            }
            TemplateNode allowed = fields.get("AllowedValues");
            if (allowed instanceof TemplateNode.Sequence options
                    && options.items().stream().map(TemplateParameters::text).noneMatch(item::equals)) {
                problems.add(problem(
                        name,
                        at,
                        "Parameter '" + name + "' must be one of AllowedValues "
                                + options.items().stream()
                                        .map(TemplateParameters::text)
                                        .toList() + ", got '" + shown(item, noEcho) + "'"));
            }
        }
        if (fields.get("AllowedPattern") instanceof TemplateNode.Scalar pattern) {
            try {
                if (!Pattern.compile(pattern.text()).matcher(value).matches()) {
                    problems.add(problem(
                            name,
                            at,
                            "Parameter '" + name + "' must match pattern " + pattern.text() + ", got '"
                                    + shown(value, noEcho) + "'"));
                }
            } catch (PatternSyntaxException e) {
                problems.add(
                        problem(name, pattern.location(), "has an AllowedPattern that is not a regular expression"));
            }
        }
        bound(name, fields, "MinLength", at, value.length(), true);
        bound(name, fields, "MaxLength", at, value.length(), false);
        if (type.equals("Number")) {
            number(value).ifPresent(n -> {
                boundNumber(name, fields, "MinValue", at, n, true);
                boundNumber(name, fields, "MaxValue", at, n, false);
            });
        }
    }

    private void bound(
            String name, TemplateNode.Mapping fields, String field, SourceLocation at, int length, boolean min) {
        if (fields.get(field) instanceof TemplateNode.Scalar limit) {
            number(limit.text()).ifPresent(n -> {
                int cmp = BigDecimal.valueOf(length).compareTo(n);
                if (min ? cmp < 0 : cmp > 0) {
                    problems.add(problem(
                            name,
                            at,
                            "Parameter '" + name + "' must contain " + (min ? "at least " : "at most ")
                                    + n.toPlainString() + " characters"));
                }
            });
        }
    }

    private void boundNumber(
            String name, TemplateNode.Mapping fields, String field, SourceLocation at, BigDecimal value, boolean min) {
        if (fields.get(field) instanceof TemplateNode.Scalar limit) {
            number(limit.text()).ifPresent(n -> {
                int cmp = value.compareTo(n);
                if (min ? cmp < 0 : cmp > 0) {
                    problems.add(problem(
                            name,
                            at,
                            "Parameter '" + name + "' must be a number "
                                    + (min ? "not less than " : "not greater than ") + n.toPlainString()));
                }
            });
        }
    }

    private static Optional<BigDecimal> number(String text) {
        try {
            return Optional.of(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the parameter is NoEcho: its value is never shown, as CloudFormation shows {@value #MASK}. */
    private static boolean noEcho(TemplateNode.Mapping fields) {
        return fields.get("NoEcho") instanceof TemplateNode.Scalar flag
                && flag.text().trim().equalsIgnoreCase("true");
    }

    private static String shown(String value, boolean noEcho) {
        return noEcho ? MASK : value;
    }

    private static String type(TemplateNode.Mapping fields) {
        return fields.get("Type") instanceof TemplateNode.Scalar type ? type.text() : "String";
    }

    private static String text(TemplateNode node) {
        return node instanceof TemplateNode.Scalar scalar ? scalar.text() : node.toString();
    }

    private static Problem problem(String name, SourceLocation at, String message) {
        return new Problem("Parameters." + name, message).at(at);
    }
}
