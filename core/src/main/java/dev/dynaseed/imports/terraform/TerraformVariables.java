package dev.dynaseed.imports.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.TerraformVar;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SourceLocation;
import dev.dynaseed.spec.internal.JsonLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Resolves input variables with Terraform's precedence, lowest first: the {@code default} of each variable block,
 * then each variable file in order, then {@code --var} values. Environment variables ({@code TF_VAR_*}) are not
 * read: an import is repeatable from its command line alone.
 */
final class TerraformVariables {
    private static final Set<String> PRIMITIVE_TYPES = Set.of("string", "number", "bool", "any");
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private TerraformVariables() {}

    static Map<String, Scope.Variable> resolve(
            Map<String, Configuration.Variable> declared,
            TerraformSources sources,
            ImportOptions options,
            List<Problem> problems,
            Consumer<String> warnings) {
        Scope empty = new Scope(Map.of(), Map.of());
        Map<String, Scope.Variable> values = new LinkedHashMap<>();
        for (Configuration.Variable variable : declared.values()) {
            Scope.Variable value = Scope.Variable.unset(
                    "has no value: pass --var " + variable.name() + "=VALUE, or set it in terraform.tfvars");
            if (variable.defaultValue().isPresent()) {
                try {
                    Optional<Object> defaultValue =
                            empty.evaluate(variable.defaultValue().get());
                    value = Scope.Variable.of(defaultValue);
                } catch (EvalException e) {
                    value = Scope.Variable.ofRefusedValue(); // not also "has no value" where it is used
                    problems.add(new Problem("var." + variable.name() + ".default", e.getMessage())
                            .at(new SourceLocation(variable.file(), Math.max(1, e.line()), 1)));
                }
            }
            values.put(variable.name(), value);
        }
        for (Path file : sources.varFiles()) {
            varFile(file, declared, values, empty, problems, warnings);
        }
        // Then the command line's --var and --var-file, in the order given: a later one wins, as in Terraform.
        for (TerraformVar option : options.terraformCommandLine()) {
            if (option instanceof TerraformVar.File file) {
                varFile(file.path(), declared, values, empty, problems, warnings);
            } else if (option instanceof TerraformVar.Value value) {
                commandLineValue(value.name(), value.text(), declared, values, empty, problems, warnings);
            }
        }
        for (Configuration.Variable variable : declared.values()) {
            Scope.Variable value = values.get(variable.name());
            if (variable.type().isEmpty() || value.value().isEmpty()) {
                continue;
            }
            try {
                Object converted = TypeConstraints.convert(
                        value.value().get(), variable.type().get(), "var." + variable.name());
                values.put(variable.name(), Scope.Variable.of(Optional.ofNullable(converted)));
            } catch (EvalException e) {
                problems.add(new Problem("", e.getMessage())
                        .at(new SourceLocation(variable.file(), Math.max(1, variable.line()), 1)));
                values.put(variable.name(), Scope.Variable.ofRefusedValue());
            }
        }
        return values;
    }

    /** {@code --var name=text}: refused for an undeclared variable; HCL for a variable of a complex type. */
    private static void commandLineValue(
            String name,
            String text,
            Map<String, Configuration.Variable> declared,
            Map<String, Scope.Variable> values,
            Scope empty,
            List<Problem> problems,
            Consumer<String> warnings) {
        Configuration.Variable variable = declared.get(name);
        if (variable == null) {
            problems.add(new Problem(
                    "var." + name,
                    "Value for undeclared variable: --var " + name + " was given, but the configuration"
                            + " declares no variable of that name; declare it with variable \"" + name
                            + "\" {} or drop the --var"));
            return;
        }
        if (complex(variable)) {
            try {
                HclBody parsed = HclFileReader.read(
                        "value = " + text + "\n", "", warning -> warnings.accept("--var " + name + ": " + warning));
                Optional<HclBody.Attribute> value = parsed.attribute("value");
                if (value.isEmpty()) {
                    throw new EvalException(1, "is not an expression");
                }
                values.put(name, Scope.Variable.of(empty.evaluate(value.get().value())));
            } catch (HclFileReader.SyntaxError | EvalException e) {
                String type = describe(variable.type().get());
                String why = e.getMessage().startsWith("refers to") ? "" : " (" + e.getMessage() + ")";
                problems.add(new Problem(
                        "var." + name,
                        "--var " + name + "=" + text + " is not a " + type + why
                                + "; write the value in HCL syntax, e.g. --var '" + name + "="
                                + example(variable.type().get(), text) + "'"));
                values.put(name, Scope.Variable.ofRefusedValue());
            }
        } else {
            values.put(name, Scope.Variable.of(Optional.of(text)));
        }
    }

    /** A type as written: {@code list(string)}, {@code object({...})}. */
    static String describe(Expr type) {
        if (type instanceof Expr.TypeKeyword keyword) {
            if (keyword.arguments().size() == 1 && keyword.arguments().get(0) instanceof Expr.ObjectLiteral) {
                return "object({...})";
            }
            List<String> inner = keyword.arguments().stream()
                    .map(TerraformVariables::describe)
                    .toList();
            return keyword.name() + (inner.isEmpty() ? "" : "(" + String.join(", ", inner) + ")");
        }
        if (type instanceof Expr.Call call) {
            return call.name() + "(...)";
        }
        return "value of its type";
    }

    /** {@code text} written as a value of {@code type}, for a message's example. */
    private static String example(Expr type, String text) {
        String name = type instanceof Expr.TypeKeyword keyword ? keyword.name() : "";
        String quoted = "\"" + text.replace("\"", "\\\"") + "\"";
        return switch (name) {
            case "list", "set", "tuple" -> "[" + quoted + "]";
            case "map", "object" -> "{key = " + quoted + "}";
            default -> quoted;
        };
    }

    private static boolean complex(Configuration.Variable variable) {
        return variable.type()
                .map(type -> !(type instanceof Expr.TypeKeyword keyword && PRIMITIVE_TYPES.contains(keyword.name())))
                .orElse(false);
    }

    private static void varFile(
            Path file,
            Map<String, Configuration.Variable> declared,
            Map<String, Scope.Variable> values,
            Scope empty,
            List<Problem> problems,
            Consumer<String> warnings) {
        if (file.getFileName() != null && file.getFileName().toString().endsWith(".json")) {
            jsonVarFile(file, declared, values, problems);
            return;
        }
        Optional<TerraformSources.SourceFile> parsed = TerraformSources.parse(file, problems, warnings);
        if (parsed.isEmpty()) {
            return;
        }
        for (HclBody.Block block : parsed.get().body().blocks()) {
            problems.add(new Problem("", "a variable file holds only assignments such as env = \"dev\", not blocks")
                    .at(new SourceLocation(file.toString(), Math.max(1, block.line()), 1)));
        }
        for (HclBody.Attribute assignment : parsed.get().body().attributes()) {
            if (!declared.containsKey(assignment.name())) {
                continue; // Terraform only warns about values for undeclared variables in files
            }
            try {
                values.put(assignment.name(), Scope.Variable.of(empty.evaluate(assignment.value())));
            } catch (EvalException e) {
                problems.add(new Problem("var." + assignment.name(), e.getMessage())
                        .at(new SourceLocation(file.toString(), Math.max(1, e.line()), 1)));
            }
        }
    }

    private static void jsonVarFile(
            Path file,
            Map<String, Configuration.Variable> declared,
            Map<String, Scope.Variable> values,
            List<Problem> problems) {
        Optional<String> text = TerraformSources.text(file, problems);
        if (text.isEmpty()) {
            return;
        }
        SourceLocation at = new SourceLocation(file.toString(), 1, 1);
        try {
            JsonNode root = JSON.readTree(text.get());
            if (root == null || !root.isObject()) {
                problems.add(new Problem("", "a JSON variable file holds one object of assignments").at(at));
                return;
            }
            root.fields().forEachRemaining(entry -> {
                if (declared.containsKey(entry.getKey())) {
                    values.put(entry.getKey(), Scope.Variable.of(Optional.ofNullable(json(entry.getValue()))));
                }
            });
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            problems.add(new Problem("", JsonLimits.problem(e, "a variable file"))
                    .at(new SourceLocation(file.toString(), line, 1)));
        }
    }

    private static Object json(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        } else if (node.isNumber()) {
            return node.decimalValue();
        } else if (node.isBoolean()) {
            return node.booleanValue();
        } else if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(json(item)));
            return items;
        } else if (node.isObject()) {
            Map<String, Object> entries = new LinkedHashMap<>();
            node.fields().forEachRemaining(entry -> entries.put(entry.getKey(), json(entry.getValue())));
            return entries;
        }
        return null;
    }
}
