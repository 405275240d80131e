package dev.dynaseed.imports.terraform;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A Terraform expression as written, before evaluation; {@code line} is 1-based in its file. */
sealed interface Expr {

    int line();

    /** A string, number ({@link BigDecimal}, exact) or boolean written as a literal. */
    record Literal(Object value, int line) implements Expr {
        public Literal {
            if (!(value instanceof String || value instanceof BigDecimal || value instanceof Boolean)) {
                throw new IllegalArgumentException("not a literal: " + value);
            }
        }
    }

    /** {@code null}: the argument is unset. */
    record Null(int line) implements Expr {}

    /** A string template: literal {@link String} parts and interpolated {@link Expr} parts, in order. */
    record Template(List<Object> parts, int line) implements Expr {
        public Template {
            parts = List.copyOf(parts);
        }
    }

    /** A reference such as {@code var.env}, {@code local.tags["a"]} or {@code count.index}: names and indexes. */
    record Reference(List<Object> steps, int line) implements Expr {
        public Reference {
            steps = List.copyOf(steps);
        }

        /** {@code var.env}, with indexes as {@code [...]}. */
        String text() {
            StringBuilder text = new StringBuilder();
            for (Object step : steps) {
                if (step instanceof String name) {
                    text.append(text.length() == 0 ? "" : ".").append(name);
                } else {
                    text.append("[...]");
                }
            }
            return text.toString();
        }
    }

    /** A list literal {@code [a, b]}. */
    record Tuple(List<Expr> items, int line) implements Expr {
        public Tuple {
            items = List.copyOf(items);
        }
    }

    /** An object literal {@code { key = value }}. */
    record ObjectLiteral(Map<String, Expr> entries, int line) implements Expr {
        public ObjectLiteral {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    /** A function call {@code name(args...)}. */
    record Call(String name, List<Expr> arguments, int line) implements Expr {
        public Call {
            Objects.requireNonNull(name, "name");
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * A type keyword such as {@code string} or {@code list(string)} in a variable's {@code type}: {@code name} and
     * the types inside it ({@code object({...})} reads as {@code map} around an {@link ObjectLiteral} of types).
     */
    record TypeKeyword(String name, List<Expr> arguments, int line) implements Expr {
        public TypeKeyword {
            Objects.requireNonNull(name, "name");
            arguments = List.copyOf(arguments);
        }

        TypeKeyword(String name, int line) {
            this(name, List.of(), line);
        }
    }

    /** Something the importer does not evaluate (operators, conditionals, for expressions, ...), described. */
    record Unsupported(String what, int line) implements Expr {}
}
