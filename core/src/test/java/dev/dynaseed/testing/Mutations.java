package dev.dynaseed.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random damage to valid spec or event text, for property tests: characters and lines deleted, duplicated and
 * swapped, values replaced by hostile scalars, values nested deeply, anchors and aliases (and alias bombs) inserted,
 * text cut short. Each mutation is a value, so jqwik shrinks a failing mutant to the few mutations that matter.
 */
public final class Mutations {
    /** A value after a key: {@code key: value} in YAML or {@code "key": value} in JSON. */
    private static final Pattern VALUE = Pattern.compile(":[ \\t]*([^\\s,{}\\[\\]][^,}\\]\\n]*)");

    /** Scalars that broke or could break readers: limits, types, YAML specials, text that is no text. */
    private static final List<String> HOSTILE_SCALARS = List.of(
            "-1",
            "0",
            "1.5",
            "1e400",
            "-1e400",
            "1e-400",
            "99999999999999999999999999999999999999999",
            "9223372036854775808",
            "-9223372036854775809",
            "4294967297",
            "0x1F",
            "0o17",
            "1_000",
            ".inf",
            "-.inf",
            ".nan",
            "NaN",
            "Infinity",
            "null",
            "~",
            "true",
            "no",
            "\"\"",
            "''",
            "[]",
            "{}",
            "[1, [2, [3]]]",
            "{generator: oneOf, values: []}",
            "{generator: intRange, min: 9, max: 1}",
            "{generator: sequence, start: 9223372036854775807}",
            "{generator: sequence, step: -9223372036854775808}",
            "{generator: bytes, length: 0}",
            "{generator: decimalRange, min: 0, max: 1e125, scale: 20}",
            "{generator: constant}",
            "2025-13-45T99:99:99Z",
            "!!binary aGVsbG8=",
            "!!java.io.File [/etc/passwd]",
            "!!set {a, b}",
            "&anchor",
            "*nowhere",
            "<<: *nowhere",
            "\"\\u0000\"",
            "\"\\ud800\"",
            "é",
            "🙂",
            "x".repeat(300),
            "a b c # comment",
            "key: value",
            "- item",
            "---",
            "...",
            "%YAML 1.2",
            "|",
            ">",
            "?",
            "@",
            "`");

    private Mutations() {}

    /** The kinds of damage. */
    public enum Kind {
        DELETE_CHAR,
        DUPLICATE_CHAR,
        SWAP_CHARS,
        INSERT_CHAR,
        DELETE_LINE,
        DUPLICATE_LINE,
        SWAP_LINES,
        REPLACE_VALUE,
        NEST_VALUE,
        ANCHOR_AND_ALIAS,
        ALIAS_BOMB,
        TRUNCATE
    }

    /**
     * One mutation; {@code a} and {@code b} pick places (taken modulo what there is), {@code scalar} is what replaces
     * or is inserted, {@code depth} how deep to nest or how many alias levels.
     */
    public record Mutation(Kind kind, int a, int b, String scalar, int depth) {
        public Mutation {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(scalar, "scalar");
        }

        public String applyTo(String text) {
            if (text.isEmpty()) {
                return kind == Kind.INSERT_CHAR ? scalar : text;
            }
            int at = Math.floorMod(a, text.length());
            return switch (kind) {
                case DELETE_CHAR -> text.substring(0, at) + text.substring(at + 1);
                case DUPLICATE_CHAR -> text.substring(0, at + 1) + text.charAt(at) + text.substring(at + 1);
                case SWAP_CHARS -> {
                    int other = Math.floorMod(b, text.length());
                    char[] chars = text.toCharArray();
                    char kept = chars[at];
                    chars[at] = chars[other];
                    chars[other] = kept;
                    yield new String(chars);
                }
                case INSERT_CHAR -> text.substring(0, at) + scalar + text.substring(at);
                case DELETE_LINE, DUPLICATE_LINE, SWAP_LINES -> lines(text);
                case REPLACE_VALUE -> onValue(text, a, value -> scalar);
                case NEST_VALUE -> onValue(text, a, value -> "[".repeat(depth) + value + "]".repeat(depth));
                case ANCHOR_AND_ALIAS -> {
                    String anchored = onValue(text, a, value -> "&a " + value);
                    yield onValue(anchored, b, value -> "*a");
                }
                case ALIAS_BOMB -> {
                    int levels = 1 + Math.floorMod(depth, 9);
                    StringBuilder bomb = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
                    for (int level = 1; level <= levels; level++) {
                        String previous = "*l" + (level - 1);
                        bomb.append('l')
                                .append(level)
                                .append(": &l")
                                .append(level)
                                .append(" [");
                        bomb.append(String.join(", ", java.util.Collections.nCopies(9, previous)));
                        bomb.append("]\n");
                    }
                    yield bomb + onValue(text, a, value -> "*l" + levels);
                }
                case TRUNCATE -> text.substring(0, at);
            };
        }

        private String lines(String text) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            int line = Math.floorMod(a, lines.size());
            switch (kind) {
                case DELETE_LINE -> lines.remove(line);
                case DUPLICATE_LINE -> lines.add(line, lines.get(line));
                default -> {
                    int other = Math.floorMod(b, lines.size());
                    String kept = lines.get(line);
                    lines.set(line, lines.get(other));
                    lines.set(other, kept);
                }
            }
            return String.join("\n", lines);
        }

        private static String onValue(String text, int pick, java.util.function.UnaryOperator<String> change) {
            Matcher matcher = VALUE.matcher(text);
            List<int[]> values = new ArrayList<>();
            while (matcher.find()) {
                values.add(new int[] {matcher.start(1), matcher.end(1)});
            }
            if (values.isEmpty()) {
                return text;
            }
            int[] value = values.get(Math.floorMod(pick, values.size()));
            String old = text.substring(value[0], value[1]).strip();
            return text.substring(0, value[0]) + change.apply(old) + text.substring(value[1]);
        }
    }

    /** One random mutation. */
    public static Arbitrary<Mutation> mutation() {
        Arbitrary<String> scalars = Arbitraries.oneOf(
                Arbitraries.of(HOSTILE_SCALARS),
                Arbitraries.strings().all().ofMaxLength(8),
                Arbitraries.strings().ascii().ofMaxLength(12),
                Arbitraries.bigIntegers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf));
        return Combinators.combine(
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(0, 1_000_000),
                        Arbitraries.integers().between(0, 1_000_000),
                        scalars,
                        Arbitraries.integers().between(1, 200))
                .as(Mutation::new);
    }

    /** {@code bases}, each damaged by 1 to 4 mutations. */
    public static Arbitrary<Mutant> mutants(List<String> bases) {
        return Combinators.combine(
                        Arbitraries.of(bases), mutation().list().ofMinSize(1).ofMaxSize(4))
                .as(Mutant::new);
    }

    /** A base text and the mutations made to it; {@link #toString()} shows the result, for jqwik's report. */
    public record Mutant(String base, List<Mutation> mutations) {
        public Mutant {
            mutations = List.copyOf(mutations);
        }

        public String text() {
            String text = base;
            for (Mutation mutation : mutations) {
                text = mutation.applyTo(text);
            }
            return text;
        }

        @Override
        public String toString() {
            String text = text();
            return mutations + " ->\n" + (text.length() > 2_000 ? text.substring(0, 2_000) + "..." : text);
        }
    }
}
