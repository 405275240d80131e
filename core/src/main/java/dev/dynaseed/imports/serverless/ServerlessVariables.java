package dev.dynaseed.imports.serverless;

import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.ImportOptions;
import dev.dynaseed.imports.SourceKind;
import dev.dynaseed.imports.cloudformation.TemplateNode;
import dev.dynaseed.imports.cloudformation.TemplateReader;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves the Serverless Framework's variables, {@code ${source:address, fallback, ...}}, offline: {@code self}
 * (paths into the file), {@code opt:stage} and {@code opt:region}, {@code sls:stage}, {@code aws:region} and
 * {@code aws:accountId}, {@code env} (only through its fallback: the environment is never read) and
 * {@code file(path)} with an optional {@code :address}, relative to the serverless.yml. Variables nest, and fallbacks
 * are quoted strings, numbers, booleans or other variables. CloudFormation's own {@code ${AWS::Region}} and
 * {@code ${Logical.Attribute}} in Fn::Sub are left alone, as the framework leaves them. Any other source (ssm, cf, s3,
 * param, ...) reads from AWS or a dashboard and is a problem naming it.
 */
final class ServerlessVariables {
    static final int MAX_DEPTH = 64;
    /** The longest string variables may build: no table setting holds more (CloudFormation's template limit). */
    static final int MAX_STRING = 1_000_000;
    /** How many values resolving may produce in all, so that references to references cannot double forever. */
    static final int MAX_VALUES = 500_000;

    private static final Pattern VARIABLE_START = Pattern.compile("^\\s*(file\\(|[A-Za-z][A-Za-z0-9]*:(?!:))");

    private final TemplateNode.Mapping root;
    private final Path dir;
    private final ImportOptions options;
    private final Map<Path, TemplateNode> files = new HashMap<>();
    private final Deque<String> resolving = new ArrayDeque<>();
    private int nesting;
    private long values;
    private boolean exhausted;

    ServerlessVariables(TemplateNode.Mapping root, Path dir, ImportOptions options) {
        this.root = root;
        this.dir = dir;
        this.options = options;
    }

    /** {@code node} with every variable in it resolved, deeply. */
    TemplateNode resolve(TemplateNode node) {
        if (resolving.size() > MAX_DEPTH) {
            throw new VariableProblem(
                    node.location(),
                    "variables refer to each other more than " + MAX_DEPTH + " levels deep ("
                            + String.join(" -> ", resolving) + "); break the cycle");
        }
        count(node);
        return switch (node.kind()) {
            case SCALAR -> scalar((TemplateNode.Scalar) node);
            case SEQUENCE -> {
                List<TemplateNode> items = new ArrayList<>();
                for (TemplateNode item : ((TemplateNode.Sequence) node).items()) {
                    items.add(resolve(item));
                }
                yield new TemplateNode.Sequence(items, node.location());
            }
            case MAPPING -> {
                Map<String, TemplateNode> entries = new LinkedHashMap<>();
                ((TemplateNode.Mapping) node).entries().forEach((k, v) -> entries.put(k, resolve(v)));
                yield new TemplateNode.Mapping(entries, node.location());
            }
        };
    }

    /** Like {@link #resolve}, but each value that cannot be resolved adds a problem (with its path) and stays as is. */
    TemplateNode resolveAll(TemplateNode node, String path, List<Problem> problems) {
        count(node);
        return switch (node.kind()) {
            case SCALAR -> {
                try {
                    yield scalar((TemplateNode.Scalar) node);
                } catch (VariableProblem e) {
                    if (exhausted) {
                        throw e;
                    }
                    problems.add(new Problem(path, e.getMessage()).at(e.location()));
                    yield node;
                }
            }
            case SEQUENCE -> {
                List<TemplateNode> items = new ArrayList<>();
                List<TemplateNode> source = ((TemplateNode.Sequence) node).items();
                for (int i = 0; i < source.size(); i++) {
                    items.add(resolveAll(source.get(i), path + "[" + i + "]", problems));
                }
                yield new TemplateNode.Sequence(items, node.location());
            }
            case MAPPING -> {
                Map<String, TemplateNode> entries = new LinkedHashMap<>();
                ((TemplateNode.Mapping) node)
                        .entries()
                        .forEach((k, v) -> entries.put(k, resolveAll(v, path + "." + k, problems)));
                yield new TemplateNode.Mapping(entries, node.location());
            }
        };
    }

    /** Counts one resolved value; past {@link #MAX_VALUES} resolving stops with one problem. */
    private void count(TemplateNode node) {
        if (++values > MAX_VALUES) {
            exhausted = true;
            throw new VariableProblem(
                    node.location(),
                    "variables expand to more than " + String.format(Locale.ROOT, "%,d", MAX_VALUES) + " values"
                            + " (references to lists or mappings that refer to others, multiplying at each level);"
                            + " write the values out");
        }
    }

    /** The stage: {@code --stage} when given, else provider.stage, else {@code dev} (as {@code ${sls:stage}}). */
    String stage() {
        return givenStage()
                .or(() -> lookup(root, "provider.stage").map(this::text))
                .orElse(ImportOptions.DEFAULT_STAGE);
    }

    /** The region: {@code --region} when given, else provider.region, else the import's default region. */
    String region() {
        return givenRegion()
                .or(() -> lookup(root, "provider.region").map(this::text))
                .orElse(options.region());
    }

    // A stage given (--stage) wins, even one equal to the default; else provider.stage, under which ${opt:stage} is
    // undefined as in the framework; else the import's default.
    private Optional<String> givenStage() {
        return options.givenStage()
                .or(() -> lookup(root, "provider.stage").isPresent() ? Optional.empty() : Optional.of(options.stage()));
    }

    private Optional<String> givenRegion() {
        return options.givenRegion()
                .or(() ->
                        lookup(root, "provider.region").isPresent() ? Optional.empty() : Optional.of(options.region()));
    }

    private String text(TemplateNode node) {
        TemplateNode resolved = resolve(node);
        if (resolved instanceof TemplateNode.Scalar scalar) {
            return scalar.text();
        }
        throw new VariableProblem(node.location(), "must be a string, got a list or mapping");
    }

    private TemplateNode scalar(TemplateNode.Scalar scalar) {
        if (++nesting > MAX_DEPTH) {
            nesting = 0;
            throw new VariableProblem(scalar.location(), "nests variables more than " + MAX_DEPTH + " levels deep");
        }
        try {
            return scalarWithin(scalar);
        } finally {
            nesting = Math.max(0, nesting - 1);
        }
    }

    private TemplateNode scalarWithin(TemplateNode.Scalar scalar) {
        String text = scalar.text();
        if (scalar.type() != TemplateNode.ScalarType.STRING || !text.contains("${")) {
            return scalar;
        }
        List<int[]> spans = variables(text);
        if (spans.isEmpty()) {
            return scalar;
        }
        if (spans.size() == 1 && spans.get(0)[0] == 0 && spans.get(0)[1] == text.length()) {
            return variable(text.substring(2, text.length() - 1), scalar.location());
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int[] span : spans) {
            out.append(text, at, span[0]);
            TemplateNode value = variable(text.substring(span[0] + 2, span[1] - 1), scalar.location());
            if (!(value instanceof TemplateNode.Scalar part)) {
                throw new VariableProblem(
                        scalar.location(),
                        "'" + text.substring(span[0], span[1])
                                + "' is a list or mapping and cannot be part of a string");
            }
            if ((long) out.length() + part.text().length() + text.length() - span[1] > MAX_STRING) {
                throw new VariableProblem(
                        scalar.location(),
                        "its variables build a string of more than " + String.format(Locale.ROOT, "%,d", MAX_STRING)
                                + " characters, which no table setting holds (a long value used many times?);"
                                + " shorten the values it joins");
            }
            out.append(part.text());
            at = span[1];
        }
        out.append(text, at, text.length());
        return TemplateNode.Scalar.string(out.toString(), scalar.location());
    }

    /** The [start, end) of each top-level framework variable in {@code text}. */
    private static List<int[]> variables(String text) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while ((i = text.indexOf("${", i)) >= 0) {
            int depth = 0;
            int end = -1;
            for (int j = i; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    end = j + 1;
                    break;
                }
            }
            if (end < 0) {
                break;
            }
            if (VARIABLE_START.matcher(text.substring(i + 2, end - 1)).find()) {
                spans.add(new int[] {i, end});
                i = end;
            } else {
                i += 2;
            }
        }
        return spans;
    }

    private TemplateNode variable(String expression, SourceLocation at) {
        List<String> choices = splitTopLevel(expression);
        String firstReason = "";
        for (String choice : choices) {
            String item = choice.trim();
            Lookup found = single(item, at);
            if (found.value().isPresent()) {
                return found.value().get();
            }
            if (firstReason.isEmpty()) {
                firstReason = found.reason();
            }
        }
        throw new VariableProblem(at, "${" + expression + "} cannot be resolved: " + firstReason);
    }

    private record Lookup(Optional<TemplateNode> value, String reason) {
        static Lookup of(TemplateNode value) {
            return new Lookup(Optional.of(value), "");
        }

        static Lookup missing(String reason) {
            return new Lookup(Optional.empty(), reason);
        }
    }

    private Lookup single(String item, SourceLocation at) {
        if (item.length() >= 2
                && (item.startsWith("'") && item.endsWith("'") || item.startsWith("\"") && item.endsWith("\""))) {
            return Lookup.of(scalar(TemplateNode.Scalar.string(item.substring(1, item.length() - 1), at)));
        }
        if (item.startsWith("${") && item.endsWith("}")) {
            return Lookup.of(scalar(TemplateNode.Scalar.string(item, at)));
        }
        if (item.matches("-?\\d+(\\.\\d+)?")) {
            return Lookup.of(new TemplateNode.Scalar(item, TemplateNode.ScalarType.NUMBER, at));
        }
        if (item.equals("true") || item.equals("false")) {
            return Lookup.of(new TemplateNode.Scalar(item, TemplateNode.ScalarType.BOOLEAN, at));
        }
        if (item.equals("null")) {
            return Lookup.missing("its fallback is null");
        }
        if (!VARIABLE_START.matcher(item).find()) {
            // An unquoted fallback word, e.g. ${opt:stage, dev}, which the framework takes as that text.
            return Lookup.of(TemplateNode.Scalar.string(item, at));
        }
        String reference = item.contains("${")
                ? ((TemplateNode.Scalar) scalar(TemplateNode.Scalar.string(item, at))).text()
                : item;
        if (reference.startsWith("file(")) {
            return file(reference, at);
        }
        int colon = reference.indexOf(':');
        String source = reference.substring(0, colon);
        String address = reference.substring(colon + 1).trim();
        return switch (source) {
            case "self" ->
                nested(
                        "self:" + address,
                        at,
                        () -> lookup(root, address),
                        "self:" + address + " is not defined in the file");
            case "opt" -> option(address, at);
            case "sls" ->
                switch (address) {
                    case "stage" -> Lookup.of(TemplateNode.Scalar.string(stage(), at));
                    default ->
                        throw new VariableProblem(
                                at,
                                "${sls:" + address + "} is known only when the framework"
                                        + " runs (dynaseed resolves ${sls:stage}); replace it with a value");
                };
            case "aws" ->
                switch (address) {
                    case "region" -> Lookup.of(TemplateNode.Scalar.string(region(), at));
                    case "accountId" -> Lookup.of(TemplateNode.Scalar.string(options.accountId(), at));
                    default ->
                        throw new VariableProblem(
                                at,
                                "${aws:" + address + "} is not known offline; dynaseed"
                                        + " resolves ${aws:region} and ${aws:accountId}");
                };
            case "env" ->
                Lookup.missing("it reads environment variable " + address + ", and dynaseed never reads"
                        + " the environment: give a default, e.g. ${env:" + address + ", 'value'}");
            default ->
                throw new VariableProblem(
                        at,
                        "${" + reference + "} uses the variable source '" + source + "', which "
                                + describeSource(source) + "; dynaseed resolves self, opt, sls, env (with a"
                                + " default), aws and file offline: replace it with a value or one of those");
        };
    }

    private static String describeSource(String source) {
        return switch (source) {
            case "ssm" -> "reads AWS Systems Manager Parameter Store when deployed";
            case "cf" -> "reads another CloudFormation stack's outputs when deployed";
            case "s3" -> "reads an S3 object when deployed";
            case "secretsmanager" -> "reads AWS Secrets Manager when deployed";
            case "param" -> "reads Serverless Dashboard or stage parameters";
            default -> "dynaseed does not know";
        };
    }

    private Lookup option(String name, SourceLocation at) {
        return switch (name) {
            case "stage" ->
                givenStage()
                        .map(s -> Lookup.of(TemplateNode.Scalar.string(s, at)))
                        .orElse(Lookup.missing("no --stage was given (provider.stage is used by ${sls:stage})"));
            case "region" ->
                givenRegion()
                        .map(r -> Lookup.of(TemplateNode.Scalar.string(r, at)))
                        .orElse(Lookup.missing("no --region was given"));
            default ->
                Lookup.missing("--" + name + " is not an option dynaseed passes (only --stage and"
                        + " --region); give a default, e.g. ${opt:" + name + ", 'value'}");
        };
    }

    private Lookup file(String reference, SourceLocation at) {
        int close = reference.indexOf(')');
        if (close < 0) {
            throw new VariableProblem(at, "${" + reference + "} needs a closing parenthesis: ${file(./x.yml)}");
        }
        String name = reference.substring(5, close).trim().replaceAll("^['\"]|['\"]$", "");
        String rest = reference.substring(close + 1).trim();
        String address = rest.startsWith(":") ? rest.substring(1).trim() : "";
        Path path = dir.resolve(name).normalize();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".js") || lower.endsWith(".cjs") || lower.endsWith(".mjs") || lower.endsWith(".ts")) {
            throw new VariableProblem(
                    at,
                    "${" + reference + "} runs JavaScript, which dynaseed does not; write the"
                            + " values into a YAML or JSON file");
        }
        if (!Files.isRegularFile(path)) {
            return Lookup.missing("the file " + path + " does not exist");
        }
        TemplateNode content = files.computeIfAbsent(path, p -> readFile(p, at));
        return nested(
                "file(" + name + "):" + address,
                at,
                () -> address.isEmpty() ? Optional.of(content) : lookup(content, address),
                address + " is not defined in " + path);
    }

    private TemplateNode readFile(Path path, SourceLocation at) {
        try {
            return TemplateReader.read(path, SourceKind.SERVERLESS);
        } catch (ImportException e) {
            throw new VariableProblem(
                    at, "the file " + path + " cannot be read: " + e.problems().get(0));
        }
    }

    private Lookup nested(
            String key, SourceLocation at, java.util.function.Supplier<Optional<TemplateNode>> find, String reason) {
        if (resolving.contains(key)) {
            throw new VariableProblem(
                    at,
                    "${" + key + "} refers to itself (" + String.join(" -> ", resolving) + " -> " + key
                            + "); break the cycle");
        }
        resolving.push(key);
        try {
            Optional<TemplateNode> found = find.get();
            return found.map(value -> Lookup.of(resolve(value))).orElseGet(() -> Lookup.missing(reason));
        } finally {
            resolving.pop();
        }
    }

    /** The value at dotted {@code address} in {@code node} (list items by index); the whole node for "". */
    private Optional<TemplateNode> lookup(TemplateNode node, String address) {
        TemplateNode current = node;
        if (address.isEmpty()) {
            return Optional.of(current);
        }
        for (String part : address.split("\\.")) {
            current = resolving.size() > MAX_DEPTH ? null : step(current, part);
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    private TemplateNode step(TemplateNode current, String part) {
        TemplateNode here = current;
        if (here instanceof TemplateNode.Scalar scalar && scalar.text().contains("${")) {
            here = resolve(scalar);
        }
        if (here instanceof TemplateNode.Mapping mapping) {
            return mapping.entries().get(part);
        }
        if (here instanceof TemplateNode.Sequence sequence && part.matches("\\d{1,6}")) {
            int index = Integer.parseInt(part);
            return index < sequence.items().size() ? sequence.items().get(index) : null;
        }
        return null;
    }

    /** {@code expression} split at commas outside quotes, braces and parentheses. */
    private static List<String> splitTopLevel(String expression) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{' || c == '(') {
                depth++;
            } else if (c == '}' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(expression.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(expression.substring(start));
        return parts;
    }
}
