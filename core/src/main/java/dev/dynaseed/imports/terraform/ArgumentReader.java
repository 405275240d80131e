package dev.dynaseed.imports.terraform;

import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SourceLocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the arguments and nested blocks of one resource instance, converting values as Terraform does; each
 * failure becomes a problem at the argument's line, named by the resource's address and the argument's path.
 */
final class ArgumentReader {
    private final String address;
    private final String file;
    private final Scope scope;
    private final List<Problem> problems;

    ArgumentReader(String address, String file, Scope scope, List<Problem> problems) {
        this.address = address;
        this.file = file;
        this.scope = scope;
        this.problems = problems;
    }

    /** A nested block's body and line. */
    record Block(HclBody body, int line) {}

    List<Block> blocks(HclBody body, String type) {
        return body.blocks(type).stream()
                .map(block -> new Block(block.body(), block.line()))
                .toList();
    }

    Optional<Block> single(HclBody body, String type, String prefix) {
        List<Block> found = blocks(body, type);
        if (found.size() > 1) {
            problem(prefix + type, found.get(1).line(), "is written " + found.size() + " times; write it once");
        }
        return found.stream().findFirst();
    }

    Optional<Object> value(HclBody body, String name, String prefix) {
        Optional<HclBody.Attribute> attribute = body.attribute(name);
        if (attribute.isEmpty()) {
            return Optional.empty();
        }
        try {
            return scope.evaluate(attribute.get().value());
        } catch (EvalException e) {
            if (!e.alreadyReported()) {
                problem(prefix + name, e.line(), e.getMessage());
            }
            return Optional.empty();
        }
    }

    Optional<String> string(HclBody body, String name, String prefix) {
        return convert(body, name, prefix, (value, line) -> Values.string(value, line, name));
    }

    Optional<String> requiredString(Block block, String name, String prefix, String example) {
        if (block.body().attribute(name).isEmpty()) {
            problem(prefix + name, block.line(), "missing; set it, " + example);
            return Optional.empty();
        }
        Optional<String> value = string(block.body(), name, prefix);
        if (value.isEmpty()) {
            requiredNotNull(block.body(), name, prefix, example);
        }
        return value;
    }

    /** Whether {@code name} is left out or set to null (which Terraform treats as left out); quiet on errors. */
    boolean absentOrNull(HclBody body, String name) {
        Optional<HclBody.Attribute> attribute = body.attribute(name);
        if (attribute.isEmpty()) {
            return true;
        }
        try {
            return scope.evaluate(attribute.get().value()).isEmpty();
        } catch (EvalException e) {
            return false; // reported where the argument is read
        }
    }

    /**
     * A problem when the required argument {@code name} is set but its value is null: Terraform treats it as left
     * out, so it is missing. The fix names the variable the null came from.
     */
    void requiredNotNull(HclBody body, String name, String prefix, String example) {
        Optional<HclBody.Attribute> attribute = body.attribute(name);
        if (attribute.isEmpty() || !absentOrNull(body, name)) {
            return;
        }
        Expr value = attribute.get().value();
        String fix = "set it, " + example;
        if (value instanceof Expr.Reference reference
                && reference.steps().size() == 2
                && "var".equals(reference.steps().get(0))) {
            String variable = String.valueOf(reference.steps().get(1));
            fix = "give var." + variable + " a value (e.g. --var " + variable + "=VALUE) or " + fix;
        }
        problem(
                prefix + name,
                attribute.get().line(),
                "is null" + Scope.nullSource(value) + ", which Terraform treats as not set, but it is required; "
                        + fix);
    }

    Optional<String> quietString(HclBody body, String name) {
        try {
            Optional<HclBody.Attribute> attribute = body.attribute(name);
            if (attribute.isEmpty()) {
                return Optional.empty();
            }
            Optional<Object> value = scope.evaluate(attribute.get().value());
            return value.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Values.string(value.get(), attribute.get().line(), name));
        } catch (EvalException e) {
            return Optional.empty(); // reported where the argument is read
        }
    }

    Optional<Long> whole(HclBody body, String name, String prefix) {
        return convert(body, name, prefix, (value, line) -> Values.whole(value, line, name));
    }

    Optional<Boolean> bool(HclBody body, String name, String prefix) {
        return convert(body, name, prefix, (value, line) -> Values.bool(value, line, name));
    }

    List<String> stringList(HclBody body, String name, String prefix) {
        Optional<List<String>> list = convert(body, name, prefix, (value, line) -> {
            List<String> strings = new ArrayList<>();
            for (Object item : Values.list(value, line, name)) {
                strings.add(Values.string(item, line, "each element of " + name));
            }
            return strings;
        });
        return list.orElse(List.of());
    }

    Map<String, String> stringMap(HclBody body, String name, String prefix) {
        Optional<Map<String, String>> map = convert(body, name, prefix, (value, line) -> {
            Map<String, String> strings = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : Values.map(value, line, name).entrySet()) {
                strings.put(entry.getKey(), Values.string(entry.getValue(), line, name + "." + entry.getKey()));
            }
            return strings;
        });
        return map.orElse(Map.of());
    }

    private interface Conversion<T> {
        T apply(Object value, int line) throws EvalException;
    }

    private <T> Optional<T> convert(HclBody body, String name, String prefix, Conversion<T> conversion) {
        Optional<Object> value = value(body, name, prefix);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        int line = lineOf(body, name);
        try {
            return Optional.of(conversion.apply(value.get(), line));
        } catch (EvalException e) {
            if (!e.alreadyReported()) {
                problem(prefix + name, e.line(), e.getMessage());
            }
            return Optional.empty();
        }
    }

    <E extends Enum<E>> Optional<E> oneOf(String value, Class<E> type, String path, int line) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return Optional.of(constant);
            }
        }
        String allowed =
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList().toString();
        problem(
                path,
                line,
                "expected " + path.substring(path.lastIndexOf('.') + 1) + " to be one of " + allowed.replace(",", "")
                        + ", got " + value);
        return Optional.empty();
    }

    static int lineOf(HclBody body, String name) {
        return body.attribute(name).map(HclBody.Attribute::line).orElse(0);
    }

    static int lineOf(Block block, String name) {
        int line = lineOf(block.body(), name);
        return line == 0 ? block.line() : line;
    }

    void problem(String path, int line, String message) {
        Problem problem = new Problem(address + (path.isEmpty() ? "" : "." + path), message);
        problems.add(line > 0 ? problem.at(new SourceLocation(file, line, 1)) : problem);
    }
}
