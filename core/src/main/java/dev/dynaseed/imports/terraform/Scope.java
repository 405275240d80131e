package dev.dynaseed.imports.terraform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates {@link Expr}s the way Terraform does for what a table definition needs: literals, string templates,
 * {@code var.*}, {@code local.*}, {@code count.index}, {@code each.key}/{@code each.value}, indexes, and a few pure
 * functions. Values are {@link String}, {@link BigDecimal}, {@link Boolean}, {@code List} and {@code Map}; anything
 * else (other references, operators, other functions) is refused with the reason, never guessed.
 */
final class Scope {
    /** The functions evaluated; each is pure and needs nothing outside the configuration. */
    static final Set<String> FUNCTIONS = Set.of(
            "toset", "tolist", "tomap", "tostring", "tonumber", "merge", "concat", "lower", "upper", "jsonencode");

    /** More characters than any table setting holds (a resource policy: 20 KB); bounds string bombs. */
    static final int MAX_STRING_CHARS = 1_000_000;
    /** More elements than any table setting lists; bounds list bombs built with concat(). */
    static final int MAX_LIST_ELEMENTS = 100_000;

    private final Map<String, Variable> variables;
    private final Map<String, Expr> locals;
    private final Map<String, Object> localValues;
    private final Set<String> evaluating;
    private final Optional<BigDecimal> countIndex;
    private final Optional<Map.Entry<String, Object>> each;
    private final Map<String, String> declaredBeside;

    /**
     * A declared variable: its value (empty when the value is {@code null}, which Terraform treats as the argument
     * left out wherever it lands), or why it has no value at all.
     */
    record Variable(Optional<Object> value, Optional<String> unset, boolean refused) {
        /** A variable with {@code value}; an empty value is {@code null}. */
        static Variable of(Optional<Object> value) {
            return new Variable(value, Optional.empty(), false);
        }

        /** A variable with no value, {@code why} saying how to give one. */
        static Variable unset(String why) {
            return new Variable(Optional.empty(), Optional.of(why), false);
        }

        /** A variable whose value was refused, with a problem reported already. */
        static Variable ofRefusedValue() {
            return new Variable(Optional.empty(), Optional.of("has no valid value"), true);
        }
    }

    Scope(Map<String, Variable> variables, Map<String, Expr> locals) {
        this(variables, locals, Map.of());
    }

    /**
     * A scope whose messages also know {@code declaredBeside}: variables declared, by name, in the files beside a
     * single file given alone (which Terraform would read with it, as one configuration).
     */
    Scope(Map<String, Variable> variables, Map<String, Expr> locals, Map<String, String> declaredBeside) {
        this(variables, locals, new HashMap<>(), new HashSet<>(), Optional.empty(), Optional.empty(), declaredBeside);
    }

    private Scope(
            Map<String, Variable> variables,
            Map<String, Expr> locals,
            Map<String, Object> localValues,
            Set<String> evaluating,
            Optional<BigDecimal> countIndex,
            Optional<Map.Entry<String, Object>> each,
            Map<String, String> declaredBeside) {
        this.declaredBeside = Map.copyOf(declaredBeside);
        this.variables = variables;
        this.locals = locals;
        this.localValues = localValues;
        this.evaluating = evaluating;
        this.countIndex = countIndex;
        this.each = each;
    }

    /** This scope inside one instance of a resource with {@code count}. */
    Scope withCountIndex(int index) {
        return new Scope(
                variables,
                locals,
                localValues,
                evaluating,
                Optional.of(BigDecimal.valueOf(index)),
                Optional.empty(),
                declaredBeside);
    }

    /** This scope inside one instance of a resource with {@code for_each}. */
    Scope withEach(String key, Object value) {
        return new Scope(
                variables,
                locals,
                localValues,
                evaluating,
                Optional.empty(),
                Optional.of(Map.entry(key, value)),
                declaredBeside);
    }

    /** The value of {@code expr}; empty for {@code null}. */
    Optional<Object> evaluate(Expr expr) throws EvalException {
        if (expr instanceof Expr.Null) {
            return Optional.empty();
        } else if (expr instanceof Expr.Literal literal) {
            return Optional.of(literal.value());
        } else if (expr instanceof Expr.Template template) {
            return Optional.of(template(template));
        } else if (expr instanceof Expr.Reference reference) {
            return reference(reference);
        } else if (expr instanceof Expr.Tuple tuple) {
            List<Object> items = new ArrayList<>();
            for (Expr item : tuple.items()) {
                items.add(required(item, "a list element"));
            }
            return Optional.of(items);
        } else if (expr instanceof Expr.ObjectLiteral object) {
            Map<String, Object> entries = new LinkedHashMap<>();
            for (Map.Entry<String, Expr> entry : object.entries().entrySet()) {
                evaluate(entry.getValue()).ifPresent(value -> entries.put(entry.getKey(), value));
            }
            return Optional.of(entries);
        } else if (expr instanceof Expr.Call call) {
            return Optional.of(call(call));
        } else if (expr instanceof Expr.TypeKeyword type) {
            throw new EvalException(type.line(), "the type " + type.name() + " is not a value; use a literal there");
        } else if (expr instanceof Expr.Unsupported unsupported) {
            throw new EvalException(
                    unsupported.line(),
                    unsupported.what() + " is not supported by dynaseed's Terraform import; use a literal or a"
                            + " plain var./local. reference there");
        }
        throw new IllegalStateException("unknown expression " + expr);
    }

    /** The value of {@code expr}, which must not be null. */
    Object required(Expr expr, String what) throws EvalException {
        Optional<Object> value = evaluate(expr);
        if (value.isEmpty()) {
            throw new EvalException(expr.line(), what + " is null" + nullSource(expr) + "; give it a value");
        }
        return value.get();
    }

    /** " (var.x is null)" when {@code expr} is a reference, to say where a null came from. */
    static String nullSource(Expr expr) {
        return expr instanceof Expr.Reference reference ? " (" + reference.text() + " is null)" : "";
    }

    private String template(Expr.Template template) throws EvalException {
        StringBuilder text = new StringBuilder();
        for (Object part : template.parts()) {
            String piece;
            if (part instanceof String literal) {
                piece = literal;
            } else {
                Expr inner = (Expr) part;
                piece = Values.string(required(inner, "an interpolation"), inner.line(), "an interpolation");
            }
            if ((long) text.length() + piece.length() > MAX_STRING_CHARS) {
                throw new EvalException(
                        template.line(),
                        "this template would build a string of more than "
                                + String.format(java.util.Locale.ROOT, "%,d", MAX_STRING_CHARS)
                                + " characters; no table setting holds that much: write the value itself");
            }
            text.append(piece);
        }
        return text.toString();
    }

    private Optional<Object> reference(Expr.Reference reference) throws EvalException {
        List<Object> steps = reference.steps();
        String root = (String) steps.get(0);
        int line = reference.line();
        Optional<Object> value;
        int next;
        switch (root) {
            case "var" -> {
                String name = name(steps, 1, reference);
                Variable variable = variables.get(name);
                if (variable == null && declaredBeside.containsKey(name)) {
                    throw new EvalException(
                            line,
                            "refers to var." + name + ", which " + declaredBeside.get(name) + " beside this file"
                                    + " declares: Terraform reads a folder's .tf files as one configuration, so give"
                                    + " the folder, e.g. --from "
                                    + java.nio.file.Path.of(declaredBeside.get(name))
                                            .toAbsolutePath()
                                            .getParent());
                }
                if (variable == null) {
                    throw new EvalException(
                            line,
                            "refers to var." + name + ", which no variable block declares; declare it with"
                                    + " variable \"" + name + "\" {}");
                }
                if (variable.unset().isPresent()) {
                    throw new EvalException(
                            line, "var." + name + " " + variable.unset().get(), variable.refused());
                }
                value = variable.value();
                next = 2;
            }
            case "local" -> {
                value = local(name(steps, 1, reference), line);
                next = 2;
            }
            case "count" -> {
                if (!"index".equals(stepName(steps, 1)) || countIndex.isEmpty()) {
                    throw new EvalException(line, "count.index is only available in a resource with count");
                }
                value = Optional.of(countIndex.get());
                next = 2;
            }
            case "each" -> {
                String which = stepName(steps, 1);
                if (each.isEmpty() || !("key".equals(which) || "value".equals(which))) {
                    throw new EvalException(line, "each.key and each.value exist only in a resource with for_each");
                }
                value = Optional.of(
                        "key".equals(which) ? each.get().getKey() : each.get().getValue());
                next = 2;
            }
            default ->
                throw new EvalException(
                        line,
                        "refers to " + reference.text() + ", which Terraform knows only while planning or after"
                                + " apply; dynaseed resolves var., local., count.index and each. only: write the"
                                + " value itself there");
        }
        for (int i = next; i < steps.size(); i++) {
            if (value.isEmpty()) {
                throw new EvalException(
                        line,
                        reference.text() + ": " + new Expr.Reference(steps.subList(0, i), line).text()
                                + " is null, so it has no index or attribute to take; give it a value");
            }
            value = Optional.ofNullable(index(value.get(), steps.get(i), reference));
        }
        return value;
    }

    private Object index(Object value, Object step, Expr.Reference reference) throws EvalException {
        Object key = step instanceof Expr expr ? required(expr, "an index") : step;
        if (value instanceof Map<?, ?> map) {
            String name = Values.string(key, reference.line(), "a map key");
            if (!map.containsKey(name)) {
                throw new EvalException(reference.line(), reference.text() + ": the map has no key \"" + name + "\"");
            }
            return map.get(name);
        }
        if (value instanceof List<?> list) {
            long at = Values.whole(key, reference.line(), "a list index");
            if (at < 0 || at >= list.size()) {
                throw new EvalException(
                        reference.line(),
                        reference.text() + ": index " + at + " is out of range for a list of " + list.size());
            }
            return list.get((int) at);
        }
        throw new EvalException(reference.line(), reference.text() + ": cannot index a " + Values.typeName(value));
    }

    private static String name(List<Object> steps, int at, Expr.Reference reference) throws EvalException {
        String name = stepName(steps, at);
        if (name == null) {
            throw new EvalException(reference.line(), reference.text() + " names nothing; use, e.g., var.env");
        }
        return name;
    }

    private static String stepName(List<Object> steps, int at) {
        return at < steps.size() && steps.get(at) instanceof String name ? name : null;
    }

    private Optional<Object> local(String name, int line) throws EvalException {
        if (localValues.containsKey(name)) {
            return Optional.ofNullable(localValues.get(name));
        }
        Expr expr = locals.get(name);
        if (expr == null) {
            throw new EvalException(line, "refers to local." + name + ", which no locals block defines");
        }
        if (!evaluating.add(name)) {
            throw new EvalException(line, "local." + name + " refers to itself through other locals");
        }
        try {
            // locals never see count or each, whatever instance asks first
            Optional<Object> value = new Scope(
                            variables,
                            locals,
                            localValues,
                            evaluating,
                            Optional.empty(),
                            Optional.empty(),
                            declaredBeside)
                    .evaluate(expr);
            localValues.put(name, value.orElse(null));
            return value;
        } finally {
            evaluating.remove(name);
        }
    }

    private Object call(Expr.Call call) throws EvalException {
        String name = call.name();
        int line = call.line();
        if (!FUNCTIONS.contains(name)) {
            throw new EvalException(
                    line,
                    "the function " + name + "() is not supported by dynaseed's Terraform import (it evaluates "
                            + String.join("(), ", new java.util.TreeSet<>(FUNCTIONS)) + "()); use a literal there");
        }
        List<Object> arguments = new ArrayList<>();
        for (Expr argument : call.arguments()) {
            arguments.add(required(argument, "an argument of " + name + "()"));
        }
        switch (name) {
            case "merge" -> {
                Map<String, Object> merged = new LinkedHashMap<>();
                for (Object argument : arguments) {
                    merged.putAll(Values.map(argument, line, "an argument of merge()"));
                }
                return merged;
            }
            case "concat" -> {
                List<Object> all = new ArrayList<>();
                for (Object argument : arguments) {
                    all.addAll(Values.list(argument, line, "an argument of concat()"));
                    if (all.size() > MAX_LIST_ELEMENTS) {
                        throw new EvalException(
                                line,
                                "concat() would build a list of more than "
                                        + String.format(java.util.Locale.ROOT, "%,d", MAX_LIST_ELEMENTS)
                                        + " elements; no table setting holds that many: write the value itself");
                    }
                }
                return all;
            }
            default -> {
                // every other supported function takes one argument
            }
        }
        if (arguments.size() != 1) {
            throw new EvalException(line, name + "() takes one argument, not " + arguments.size());
        }
        Object argument = arguments.get(0);
        return switch (name) {
            case "toset" -> new LinkedHashSet<>(Values.list(argument, line, "toset()'s argument"));
            case "tolist" -> Values.list(argument, line, "tolist()'s argument");
            case "tomap" -> Values.map(argument, line, "tomap()'s argument");
            case "tostring" -> Values.string(argument, line, "tostring()'s argument");
            case "tonumber" -> Values.number(argument, line, "tonumber()'s argument");
            case "lower" -> Values.string(argument, line, "lower()'s argument").toLowerCase(java.util.Locale.ROOT);
            case "upper" -> Values.string(argument, line, "upper()'s argument").toUpperCase(java.util.Locale.ROOT);
            case "jsonencode" -> JsonEncoding.encode(argument);
            default -> throw new IllegalStateException("unhandled function " + name);
        };
    }

    /** The names of every variable declared, for messages. */
    Collection<String> variableNames() {
        return variables.keySet();
    }
}
