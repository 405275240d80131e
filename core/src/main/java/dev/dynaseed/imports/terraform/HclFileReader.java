package dev.dynaseed.imports.terraform;

import com.bertramlabs.plugins.hcl4j.HCLParserException;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ComputedObject;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ComputedTuple;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Function;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.GroupedExpression;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Operator;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.PrimitiveType;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.StringInterpolatedExpression;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Variable;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.VariableTree;
import com.bertramlabs.plugins.hcl4j.symbols.HCLArray;
import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.bertramlabs.plugins.hcl4j.symbols.HCLBlock;
import com.bertramlabs.plugins.hcl4j.symbols.HCLMap;
import com.bertramlabs.plugins.hcl4j.symbols.HCLValue;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads HCL text into {@link HclBody} with hcl4j 0.9.4's lexer, which keeps every expression as written and its
 * line. hcl4j's own evaluation is not used: it guesses values of unknown references, evaluates operators on them
 * to wrong numbers and, for a {@code data "http"} block, would make a network request while parsing.
 */
final class HclFileReader {
    private static final Logger LOG = LoggerFactory.getLogger(HclFileReader.class);
    private static final String LEXER = "com.bertramlabs.plugins.hcl4j.HCLLexer";
    private static final Object STDOUT_LOCK = new Object();

    /** The 1-based lines on which indented ({@code <<-}) heredocs end: hcl4j gives their text undented. */
    private final java.util.Set<Integer> flushHeredocEnds;

    private final String file;
    private final Consumer<String> warnings;
    /** Arguments set twice in one body, which HCL refuses. */
    private final List<HclPrescan.LineMessage> redefined = new ArrayList<>();
    /** Where the reader is, such as {@code aws_dynamodb_table.t.tags}, for messages. */
    private final Deque<String> path = new ArrayDeque<>();

    private HclFileReader(java.util.Set<Integer> flushHeredocEnds, String file, Consumer<String> warnings) {
        this.flushHeredocEnds = flushHeredocEnds;
        this.file = file;
        this.warnings = warnings;
    }

    /** Why a text could not be read, at a 1-based line (0 when hcl4j does not say); {@code all} holds each reason. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final transient List<HclPrescan.LineMessage> all;

        SyntaxError(int line, String message) {
            this(List.of(new HclPrescan.LineMessage(line, message)));
        }

        SyntaxError(List<HclPrescan.LineMessage> all) {
            super(all.get(0).message());
            this.line = all.get(0).line();
            this.all = List.copyOf(all);
        }
    }

    /** The top-level arguments and blocks of {@code text}, with no file name for messages. */
    static HclBody read(String text) throws SyntaxError {
        return read(text, "", warning -> {});
    }

    /**
     * The top-level arguments and blocks of {@code text}, read from {@code file}; what Terraform accepts but a
     * reader should know (an object key written twice) goes to {@code warnings} as "file:line: path: message".
     */
    static HclBody read(String text, String file, Consumer<String> warnings) throws SyntaxError {
        HclPrescan.Scan scan = HclPrescan.scan(text);
        if (scan.problem().isPresent()) {
            throw new SyntaxError(
                    scan.problem().get().line(), scan.problem().get().message());
        }
        List<Object> symbols = new ArrayList<>();
        for (HclPrescan.Chunk chunk : scan.chunks()) {
            symbols.addAll(lex(chunk.text(), chunk.line()));
        }
        HclFileReader reader = new HclFileReader(scan.flushHeredocEnds(), file, warnings);
        HclBody body = reader.body(symbols);
        if (!reader.redefined.isEmpty()) {
            reader.redefined.sort(java.util.Comparator.comparingInt(HclPrescan.LineMessage::line));
            throw new SyntaxError(reader.redefined);
        }
        return body;
    }

    private HclBody body(List<Object> symbols) throws SyntaxError {
        List<HclBody.Attribute> attributes = new ArrayList<>();
        List<HclBody.Block> blocks = new ArrayList<>();
        for (Object symbol : symbols) {
            if (symbol instanceof HCLBlock block) {
                blocks.add(block(block));
            } else if (symbol instanceof HCLAttribute attribute) {
                attributes.add(attribute(attribute));
            } else if (symbol instanceof Symbol other) {
                throw new SyntaxError(line(other), "hcl4j 0.9.4 read a stray " + other.getSymbolName() + " here");
            }
        }
        checkOnce(attributes);
        return new HclBody(attributes, blocks);
    }

    /** HCL's rule for a body: "Each argument may be set only once" (hclsyntax's "Attribute redefined"). */
    private void checkOnce(List<HclBody.Attribute> attributes) {
        Map<String, HclBody.Attribute> first = new LinkedHashMap<>();
        for (HclBody.Attribute attribute : attributes) {
            HclBody.Attribute previous = first.putIfAbsent(attribute.name(), attribute);
            if (previous != null) {
                redefined.add(new HclPrescan.LineMessage(
                        attribute.line(),
                        where(attribute.name()) + "Attribute redefined: the argument \"" + attribute.name()
                                + "\" was already set at " + at(previous.line())
                                + ". Each argument may be set only once; remove one of them"));
            }
        }
    }

    /** {@code "aws_dynamodb_table.t.name: "} for {@code name} where the reader is; empty at the top level. */
    private String where(String name) {
        List<String> parts = new ArrayList<>(path);
        java.util.Collections.reverse(parts);
        parts.add(name);
        return String.join(".", parts) + ": ";
    }

    private String at(int line) {
        return (file.isEmpty() ? "line " : file + ":") + line;
    }

    /** Lexes {@code text}, which starts on the 1-based {@code firstLine} of its file. */
    private static List<?> lex(String text, int firstLine) throws SyntaxError {
        try {
            Class<?> lexerClass = Class.forName(LEXER);
            Constructor<?> constructor = lexerClass.getDeclaredConstructor(Reader.class);
            constructor.setAccessible(true);
            Object lexer = constructor.newInstance(new StringReader(text));
            Field yyline = lexerClass.getDeclaredField("yyline");
            yyline.setAccessible(true);
            yyline.setInt(lexer, firstLine - 1);
            Method yylex = lexerClass.getDeclaredMethod("yylex");
            yylex.setAccessible(true);
            invokeQuietly(yylex, lexer);
            Field stack = lexerClass.getDeclaredField("elementStack");
            stack.setAccessible(true);
            return List.copyOf((List<?>) stack.get(lexer));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HCLParserException parse) {
                throw new SyntaxError(lineOf(parse.getMessage()), parseMessage(parse.getMessage()));
            }
            if (cause instanceof StackOverflowError) {
                throw new SyntaxError(0, "nests too deeply for hcl4j 0.9.4 to read");
            }
            throw new SyntaxError(0, "hcl4j 0.9.4 cannot read it: " + cause);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("hcl4j is not the 0.9.4 release dynaseed was built with: " + e, e);
        }
    }

    /**
     * hcl4j 0.9.4's lexer prints a line to System.out for each operator it meets; that would corrupt a command's
     * output (such as {@code --output json}), so those lines go to the debug log instead.
     */
    private static void invokeQuietly(Method yylex, Object lexer) throws InvocationTargetException {
        synchronized (STDOUT_LOCK) {
            PrintStream original = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                yylex.invoke(lexer);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } finally {
                System.setOut(original);
                if (captured.size() > 0) {
                    LOG.debug(
                            "hcl4j printed: {}",
                            captured.toString(StandardCharsets.UTF_8).strip());
                }
            }
        }
    }

    /** hcl4j's lexer message, such as "Illegal character <(') - state: 14> found on line: 1 col: 27". */
    private static final java.util.regex.Pattern ILLEGAL_CHARACTER =
            java.util.regex.Pattern.compile("Illegal character <\\((.*)\\) - state: \\d+>.*?(?:col: (\\d+))?$");

    /** The lexer's message in the user's terms, without its internal states. */
    private static String parseMessage(String message) {
        var matcher = ILLEGAL_CHARACTER.matcher(String.valueOf(message));
        if (!matcher.find()) {
            return "hcl4j 0.9.4 cannot read it: " + message;
        }
        String character = matcher.group(1);
        String shown = character.equals("'") ? "\"'\"" : "'" + character + "'";
        String column = matcher.group(2) == null ? "" : " in column " + matcher.group(2);
        return "is not valid HCL: unexpected character " + shown + column
                + "; is this a Terraform file? (name another format with --from-kind, e.g. --from-kind cloudformation)";
    }

    private static int lineOf(String message) {
        var matcher = java.util.regex.Pattern.compile("line: (\\d+)").matcher(String.valueOf(message));
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static int line(Symbol symbol) {
        Integer line = symbol.getLine();
        return line == null ? 0 : line + 1;
    }

    private static List<Symbol> children(Symbol symbol) {
        List<Symbol> children = symbol.getChildren();
        return children == null ? List.of() : children;
    }

    private HclBody.Block block(HCLBlock block) {
        List<String> names = block.blockNames == null ? List.of(block.getName()) : block.blockNames;
        boolean resource = path.isEmpty() && names.size() == 3 && names.get(0).equals("resource");
        path.push(String.join(".", resource ? names.subList(1, 3) : names));
        List<HclBody.Attribute> attributes = new ArrayList<>();
        List<HclBody.Block> blocks = new ArrayList<>();
        for (Symbol child : children(block)) {
            if (child instanceof HCLBlock nested) {
                blocks.add(block(nested));
            } else if (child instanceof HCLAttribute attribute) {
                attributes.add(attribute(attribute));
            }
        }
        checkOnce(attributes);
        path.pop();
        return new HclBody.Block(
                names.get(0), names.subList(1, names.size()), new HclBody(attributes, blocks), line(block));
    }

    private HclBody.Attribute attribute(HCLAttribute attribute) {
        List<Symbol> children = children(attribute);
        int line = line(attribute);
        path.push(attribute.getName());
        Expr value;
        if (children.isEmpty()) {
            value = new Expr.Unsupported("an argument with no value", line);
        } else if (children.size() == 1) {
            value = expression(children.get(0));
        } else {
            value = compound(children, line);
        }
        path.pop();
        return new HclBody.Attribute(attribute.getName(), value, line);
    }

    /** Several symbols for one value: an operator expression, or a number hcl4j splits (such as 1e3). */
    private static Expr compound(List<Symbol> parts, int line) {
        String first = null;
        for (Symbol part : parts) {
            if (part instanceof Operator operator) {
                if ("?".equals(operator.getName())) {
                    return new Expr.Unsupported("a conditional expression (a ? b : c)", line);
                }
                first = first == null ? operator.getName() : first;
            }
        }
        if (first != null) {
            return new Expr.Unsupported("an expression with the operator " + first, line);
        }
        return new Expr.Unsupported(
                "an expression hcl4j 0.9.4 splits into " + parts.size()
                        + " parts (a number with an exponent, such as 1e3, is one; write it out, such as 1000)",
                line);
    }

    private Expr expression(Symbol symbol) {
        int line = line(symbol);
        if (symbol instanceof HCLValue value) {
            return value(value, line);
        } else if (symbol instanceof StringInterpolatedExpression template) {
            return template(template, line);
        } else if (symbol instanceof VariableTree || symbol instanceof Variable) {
            return reference(symbol, line);
        } else if (symbol instanceof HCLArray array) {
            return new Expr.Tuple(children(array).stream().map(this::expression).toList(), line);
        } else if (symbol instanceof HCLBlock || symbol instanceof HCLMap) {
            return object(symbol, line);
        } else if (symbol instanceof Function function) {
            return new Expr.Call(
                    function.getName(),
                    children(function).stream().map(this::expression).toList(),
                    line);
        } else if (symbol instanceof GroupedExpression grouped) {
            List<Symbol> inside = children(grouped);
            return inside.size() == 1 ? expression(inside.get(0)) : compound(inside, line);
        } else if (symbol instanceof ComputedTuple || symbol instanceof ComputedObject) {
            return new Expr.Unsupported("a for expression", line);
        } else if (symbol instanceof PrimitiveType type) {
            return new Expr.TypeKeyword(
                    String.valueOf(type.getName()),
                    children(type).stream().map(this::expression).toList(),
                    line);
        }
        return new Expr.Unsupported("an expression hcl4j 0.9.4 reads as " + symbol.getSymbolName(), line);
    }

    private Expr value(HCLValue value, int line) {
        String type = String.valueOf(value.type);
        Object raw = value.value;
        switch (type) {
            case "null":
                return new Expr.Null(line);
            case "boolean":
                return new Expr.Literal(Boolean.parseBoolean(String.valueOf(raw)), line);
            case "number":
                try {
                    return new Expr.Literal(new BigDecimal(String.valueOf(raw)), line);
                } catch (NumberFormatException e) {
                    return new Expr.Unsupported("the number " + raw, line);
                }
            default:
                String text = String.valueOf(raw);
                // hcl4j puts a heredoc's value on the line of its end marker
                return stringLiteral(flushHeredocEnds.contains(line) ? IndentedHeredoc.dedent(text) : text, line);
        }
    }

    /**
     * A literal string part: hcl4j keeps the escapes $${ and %%{ as written and leaves heredoc templates
     * unevaluated, so both are handled here.
     */
    private static Expr stringLiteral(String raw, int line) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean marker = (c == '$' || c == '%') && i + 1 < raw.length();
            if (marker && raw.charAt(i + 1) == c && i + 2 < raw.length() && raw.charAt(i + 2) == '{') {
                text.append(c).append('{');
                i += 2;
            } else if (marker && raw.charAt(i + 1) == '{') {
                return new Expr.Unsupported(
                        c == '%'
                                ? "a template directive (%{ ... })"
                                : "an interpolation in a heredoc string (${ ... } after <<)",
                        line);
            } else {
                text.append(c);
            }
        }
        return new Expr.Literal(text.toString(), line);
    }

    /**
     * hcl4j writes {@code "a-${x}-b"} as the parts "a-", +, (x), +, "-b", each interpolation wrapped in its own
     * node; a wrapper with a single child is just that expression.
     */
    private Expr template(StringInterpolatedExpression template, int line) {
        List<Symbol> children = children(template);
        if (children.size() == 1) {
            return expression(children.get(0));
        }
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            Symbol child = children.get(i);
            if (i % 2 == 1) {
                if (!(child instanceof Operator operator) || !"+".equals(operator.getName())) {
                    return compound(children, line);
                }
            } else if (child instanceof HCLValue value && "string".equals(value.type)) {
                Expr literal = stringLiteral(String.valueOf(value.value), line);
                if (!(literal instanceof Expr.Literal text)) {
                    return literal;
                }
                parts.add(text.value());
            } else if (child instanceof StringInterpolatedExpression interpolation) {
                List<Symbol> inside = children(interpolation);
                if (inside.size() != 1) {
                    return compound(inside, line);
                }
                parts.add(expression(inside.get(0)));
            } else {
                return compound(children, line);
            }
        }
        return new Expr.Template(parts, line);
    }

    private Expr reference(Symbol symbol, int line) {
        List<Object> steps = new ArrayList<>();
        if (symbol instanceof VariableTree) {
            for (Symbol child : children(symbol)) {
                if (child instanceof Variable variable) {
                    steps.add(variable.getName());
                } else if (child instanceof HCLArray index && children(index).size() == 1) {
                    steps.add(expression(children(index).get(0)));
                } else {
                    return new Expr.Unsupported("the reference " + symbol.getName(), line);
                }
            }
        } else {
            steps.add(symbol.getName());
        }
        if (steps.isEmpty() || !(steps.get(0) instanceof String)) {
            return new Expr.Unsupported("the reference " + symbol.getName(), line);
        }
        return new Expr.Reference(steps, line);
    }

    /**
     * An object literal. A key written twice is no error in Terraform: the last value is kept silently
     * (hashicorp/terraform#28727); here the same value is kept, with a warning naming both lines.
     */
    private Expr object(Symbol symbol, int line) {
        Map<String, Expr> entries = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (Symbol child : children(symbol)) {
            if (child instanceof HCLAttribute attribute) {
                HclBody.Attribute entry = attribute(attribute);
                Integer previous = lines.put(entry.name(), entry.line());
                if (previous != null) {
                    warnings.accept((file.isEmpty() ? "" : file + ":" + entry.line() + ": ") + where(entry.name())
                            + "the key \"" + entry.name() + "\" is also set at " + at(previous)
                            + "; Terraform keeps the last value without a word, and so does dynaseed: remove one"
                            + " of them");
                }
                entries.put(entry.name(), entry.value());
            } else {
                return new Expr.Unsupported("an object key that is an expression", line(child));
            }
        }
        return new Expr.ObjectLiteral(entries, line);
    }
}
