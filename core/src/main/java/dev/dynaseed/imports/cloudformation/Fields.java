package dev.dynaseed.imports.cloudformation;

import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SourceLocation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reading of one evaluated mapping of a template (a resource's Properties or a part of them): numbers may be
 * written as strings, booleans as {@code true}, {@code "True"}, {@code "TRUE"} (as CloudFormation accepts them); each
 * wrong value adds a problem with its path and line instead of stopping.
 */
final class Fields {
    private final TemplateNode.Mapping mapping;
    private final String path;
    private final List<Problem> problems;

    Fields(TemplateNode.Mapping mapping, String path, List<Problem> problems) {
        this.mapping = mapping;
        this.path = path;
        this.problems = problems;
    }

    /** The fields of {@code node}, which must be a mapping (else a problem and no fields). */
    static Optional<Fields> of(TemplateNode node, String path, List<Problem> problems) {
        if (node instanceof TemplateNode.Mapping mapping) {
            return Optional.of(new Fields(mapping, path, problems));
        }
        problems.add(new Problem(path, "must be a mapping, got a " + Intrinsics.describe(node)).at(node.location()));
        return Optional.empty();
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path + "." + key;
    }

    /** This mapping's path below {@code owner}'s, e.g. {@code Tags[1]} for a tag of a table's Properties. */
    String relativePath(Fields owner) {
        String prefix = owner.path + ".";
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    SourceLocation location() {
        return mapping.location();
    }

    boolean has(String key) {
        return mapping.get(key) != null;
    }

    Optional<TemplateNode> node(String key) {
        return Optional.ofNullable(mapping.get(key));
    }

    void problem(String key, String message) {
        TemplateNode node = mapping.get(key);
        problems.add(new Problem(key.isEmpty() ? path : path(key), message)
                .at(node != null ? node.location() : mapping.location()));
    }

    /** Adds a problem for each key outside {@code known}, as CloudFormation refuses unsupported properties. */
    void onlyKnown(Set<String> known, String what) {
        for (String key : mapping.entries().keySet()) {
            if (!known.contains(key)) {
                problem(
                        key,
                        "Encountered unsupported property " + key + " in " + what + "; supported: "
                                + new TreeSet<>(known));
            }
        }
    }

    Optional<String> string(String key) {
        TemplateNode node = mapping.get(key);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof TemplateNode.Scalar scalar && scalar.type() != TemplateNode.ScalarType.NULL) {
            return Optional.of(scalar.text());
        }
        problem(key, "must be a string, got a " + Intrinsics.describe(node));
        return Optional.empty();
    }

    String requiredString(String key) {
        if (!has(key)) {
            problem("", "needs " + key);
            return "";
        }
        return string(key).orElse("");
    }

    Optional<Long> number(String key) {
        return string(key).flatMap(text -> {
            try {
                return Optional.of(new BigDecimal(text.trim()).longValueExact());
            } catch (NumberFormatException | ArithmeticException e) {
                problem(key, "must be a whole number, got '" + text + "'");
                return Optional.empty();
            }
        });
    }

    Optional<Boolean> bool(String key) {
        return string(key).flatMap(text -> {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return Optional.of(lower.equals("true"));
            }
            problem(key, "must be true or false, got '" + text + "'");
            return Optional.empty();
        });
    }

    Optional<Fields> fields(String key) {
        TemplateNode node = mapping.get(key);
        return node == null ? Optional.empty() : of(node, path(key), problems);
    }

    /** The items of list {@code key}; a problem and nothing when it is not a list. */
    List<TemplateNode> list(String key) {
        TemplateNode node = mapping.get(key);
        if (node == null) {
            return List.of();
        }
        if (node instanceof TemplateNode.Sequence sequence) {
            return sequence.items();
        }
        problem(key, "must be a list, got a " + Intrinsics.describe(node));
        return List.of();
    }

    /** The items of list {@code key} that are mappings, each with its indexed path. */
    List<Fields> fieldsList(String key) {
        List<Fields> out = new ArrayList<>();
        List<TemplateNode> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            of(items.get(i), path(key) + "[" + i + "]", problems).ifPresent(out::add);
        }
        return out;
    }

    List<Problem> problems() {
        return problems;
    }
}
