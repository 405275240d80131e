package dev.dynaseed.imports.terraform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Converts a variable's value to its declared {@code type}, as Terraform does before any use: {@code set(...)}
 * drops repeated elements (strings in lexical order), {@code object({...})} keeps the declared attributes, fills
 * {@code optional(type, default)} defaults (an optional attribute without a default is null) and refuses a missing
 * required one. Primitive types are converted where the value is used; other types are taken as they are.
 */
final class TypeConstraints {
    private static final Scope LITERALS = new Scope(Map.of(), Map.of());

    private TypeConstraints() {}

    /** {@code value} converted to {@code type}; {@code what} names it in messages, such as {@code var.table}. */
    static Object convert(Object value, Expr type, String what) throws EvalException {
        if (!(type instanceof Expr.TypeKeyword keyword) || keyword.arguments().size() != 1) {
            return value;
        }
        Expr inner = keyword.arguments().get(0);
        int line = type.line();
        switch (keyword.name()) {
            case "list" -> {
                List<Object> items = new ArrayList<>();
                int i = 0;
                for (Object item : elements(value, line, what, "list")) {
                    items.add(convert(item, inner, what + "[" + i++ + "]"));
                }
                return items;
            }
            case "set" -> {
                List<Object> items = new ArrayList<>();
                for (Object item : elements(value, line, what, "set")) {
                    items.add(convert(item, inner, what + " element"));
                }
                if (items.stream().allMatch(String.class::isInstance)) {
                    Set<Object> sorted = new LinkedHashSet<>(
                            new TreeSet<>(items.stream().map(String.class::cast).toList()));
                    return sorted;
                }
                return new LinkedHashSet<>(items);
            }
            case "map" -> {
                Map<String, Object> map = Values.map(value, line, what);
                if (inner instanceof Expr.ObjectLiteral attributes) {
                    return object(map, attributes, what);
                }
                Map<String, Object> converted = new LinkedHashMap<>();
                for (Map.Entry<String, Object> entry : map.entrySet()) {
                    converted.put(entry.getKey(), convert(entry.getValue(), inner, what + "." + entry.getKey()));
                }
                return converted;
            }
            default -> {
                return value;
            }
        }
    }

    private static Map<String, Object> object(Map<String, Object> value, Expr.ObjectLiteral type, String what)
            throws EvalException {
        Map<String, Object> converted = new LinkedHashMap<>();
        for (Map.Entry<String, Expr> attribute : type.entries().entrySet()) {
            String name = attribute.getKey();
            Expr attributeType = attribute.getValue();
            Optional<Expr> defaultValue = Optional.empty();
            boolean optional = false;
            if (attributeType instanceof Expr.Call call
                    && call.name().equals("optional")
                    && !call.arguments().isEmpty()) {
                optional = true;
                defaultValue = call.arguments().size() > 1
                        ? Optional.of(call.arguments().get(1))
                        : Optional.empty();
                attributeType = call.arguments().get(0);
            }
            if (value.containsKey(name) && value.get(name) != null) {
                converted.put(name, convert(value.get(name), attributeType, what + "." + name));
            } else if (defaultValue.isPresent()) {
                Optional<Object> filled = LITERALS.evaluate(defaultValue.get());
                converted.put(name, filled.isEmpty() ? null : convert(filled.get(), attributeType, what + "." + name));
            } else if (optional || value.containsKey(name)) {
                converted.put(name, null);
            } else {
                throw new EvalException(
                        type.line(),
                        what + " is not a value of its type: attribute \"" + name + "\" is required; give it in the"
                                + " value, or declare it optional(...) in the type");
            }
        }
        return converted; // Terraform drops attributes the type does not declare
    }

    private static Collection<?> elements(Object value, int line, String what, String type) throws EvalException {
        if (value instanceof Collection<?> collection) {
            return collection;
        }
        throw new EvalException(
                line,
                what + " is not a value of its type: a " + type + " is required, not a " + Values.typeName(value));
    }
}
