package dev.dynaseed.spec.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.dynaseed.spec.InvalidSpecException;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SourceLocation;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads spec text (YAML or JSON) into a tree in one streaming pass that also records where every path was written.
 * YAML aliases resolve to their anchored value and merge keys ({@code <<: *defaults}) merge, within bounds on depth and
 * expanded size; a second document, duplicate keys and numbers too long to be DynamoDB numbers are refused with their
 * line and column.
 */
public final class SpecTreeReader {
    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxDocumentLength(SpecLimits.MAX_SPEC_SIZE)
            .maxStringLength(SpecLimits.MAX_SPEC_SIZE)
            .maxNumberLength(SpecLimits.MAX_NUMBER_LENGTH)
            // Above ours, so that our message (with the limit) comes first.
            .maxNestingDepth(SpecLimits.MAX_DEPTH * 2)
            .build();
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(CONSTRAINTS)
            .build();
    private static final JsonFactory JSON =
            JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();

    private static final String MERGE_KEY = "<<";

    private final JsonParser parser;
    private final boolean yaml;
    private final String source;
    private final SourceMap locations;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private final Set<String> openAnchors = new HashSet<>();
    private final Map<Long, String> scalarAnchors;
    private long values;

    private SpecTreeReader(JsonParser parser, boolean yaml, String source, Map<Long, String> scalarAnchors) {
        this.parser = parser;
        this.scalarAnchors = scalarAnchors;
        this.yaml = yaml;
        this.source = source;
        this.locations = new SourceMap(source);
    }

    // The parser only scans and parses (it builds no SnakeYAML nodes), so the composer's alias limits do not apply:
    // aliases are bounded by MAX_VALUES below. The code point limit backs up the size check made before parsing.
    // Duplicate keys stay allowed here: this reader refuses them itself, naming the path and both lines.
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(SpecLimits.MAX_SPEC_SIZE);
        options.setNestingDepthLimit(SpecLimits.MAX_DEPTH);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /** The tree of {@code text} with the place of each path; refuses what cannot be read with its line and column. */
    public static SpecTree read(String text, boolean json, String source) {
        SpecText.checkTextSize(text, source);
        String format = json ? "JSON" : "YAML";
        // Text pasted from a file saved with a byte order mark keeps it; it is no part of the spec.
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (JsonParser parser = json ? JSON.createParser(content) : YAML.createParser(content)) {
            SpecTreeReader reader = new SpecTreeReader(parser, !json, source, json ? Map.of() : scalarAnchors(content));
            try {
                return new SpecTree(reader.document(format), reader.locations);
            } catch (StreamConstraintsException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                String reason = shortened(e).startsWith("Number value length")
                        ? "has a number of more than " + SpecLimits.MAX_NUMBER_LENGTH
                                + " characters; DynamoDB numbers hold at most 38 digits"
                        : "exceeds a reading limit: " + shortened(e);
                throw invalid(source, location(at, source), reason);
            }
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                throw yamlSyntax(marked, source);
            }
            if (e.getCause() instanceof ReaderException) {
                throw notPrintable(content, source);
            }
            java.util.regex.Matcher malformed = java.util.regex.Pattern.compile("Malformed numeric value '([^']*)'")
                    .matcher(shortened(e));
            if (malformed.find()) {
                throw invalid(source, location(e.getLocation(), source), outOfRange(malformed.group(1)));
            }
            String reason = json && isComment(shortened(e))
                    ? "JSON has no comments; remove it, or write the spec as YAML"
                    : json ? shortened(e) : YamlReasons.explain(shortened(e));
            throw invalid(source, location(e.getLocation(), source), "is not valid " + format + ": " + reason);
        } catch (IOException e) {
            // Reading a String does no I/O; this is the parser's own failure, reported as such.
            throw invalid(source, Optional.empty(), "cannot be read as " + format + ": " + e.getMessage());
        }
    }

    private JsonNode document(String format) throws IOException {
        if (parser.nextToken() == null) {
            return MissingNode.getInstance();
        }
        JsonNode root = value("", 0);
        if (parser.nextToken() != null) {
            JsonLocation second = parser.currentTokenLocation();
            throw invalid(
                    source,
                    location(second, source),
                    yaml
                            ? "holds a second YAML document; a spec file holds one: remove the '---' line and what"
                                    + " follows, or move it to a file of its own"
                            : "holds a second JSON value after the first; a spec is one JSON object:"
                                    + " remove what follows it");
        }
        return root;
    }

    /** The value whose first token is the current one. */
    private JsonNode value(String path, int depth) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        locations.put(path, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
        if (yaml && ((YAMLParser) parser).isCurrentAlias()) {
            return alias(parser.getText(), path, at);
        }
        String anchor = !yaml
                ? null
                : parser.currentToken().isScalarValue()
                        ? scalarAnchors.get(position(at.getLineNr(), at.getColumnNr()))
                        : ((YAMLParser) parser).getObjectId();
        if (anchor != null) {
            openAnchors.add(anchor);
        }
        long before = values;
        JsonNode node = switch (parser.currentToken()) {
            case START_OBJECT -> object(path, depth + 1, at);
            case START_ARRAY -> array(path, depth + 1, at);
            case VALUE_STRING -> JsonNodeFactory.instance.textNode(parser.getText());
            case VALUE_NUMBER_INT -> JsonNodeFactory.instance.numberNode(parser.getBigIntegerValue());
            // Exactly as written: a double would turn 1e400 into Infinity and 0.1 into 0.1000000000000000055...
            case VALUE_NUMBER_FLOAT -> DecimalNode.valueOf(decimal(path, at));
            case VALUE_TRUE -> JsonNodeFactory.instance.booleanNode(true);
            case VALUE_FALSE -> JsonNodeFactory.instance.booleanNode(false);
            case VALUE_NULL -> JsonNodeFactory.instance.nullNode();
            case VALUE_EMBEDDED_OBJECT -> JsonNodeFactory.instance.binaryNode(parser.getBinaryValue());
            default ->
                throw invalid(
                        source,
                        location(at, source),
                        "has an unexpected " + parser.currentToken() + " here; check the brackets");
        };
        count(1, path, at);
        if (anchor != null) {
            openAnchors.remove(anchor);
            anchors.put(anchor, new Anchored(node, values - before));
        }
        return node;
    }

    /**
     * The anchors of single values (e.g. {@code name: &id id}) by where their value starts: Jackson's parser reports
     * anchors of objects and lists only, so they are found in a pass of SnakeYAML's own parser over the same text.
     */
    private static Map<Long, String> scalarAnchors(String text) {
        if (text.indexOf('&') < 0) {
            return Map.of();
        }
        Map<Long, String> anchors = new HashMap<>();
        try {
            for (Event event : new Yaml(loaderOptions()).parse(new StringReader(text))) {
                if (event instanceof ScalarEvent scalar && scalar.getAnchor() != null) {
                    Mark start = scalar.getStartMark();
                    anchors.put(position(start.getLine() + 1, start.getColumn() + 1), scalar.getAnchor());
                }
            }
        } catch (YAMLException e) {
            // The main pass reports the same fault, with its place; the anchors found so far are all it reaches.
        }
        return anchors;
    }

    private static long position(int line, int column) {
        return ((long) line << 32) | column;
    }

    private JsonNode alias(String anchor, String path, JsonLocation at) {
        Anchored anchored = anchors.get(anchor);
        if (anchored == null) {
            throw invalid(
                    source,
                    path,
                    location(at, source),
                    openAnchors.contains(anchor)
                            ? "the alias *" + Quote.bare(anchor) + " is inside the value it refers to; an alias"
                                    + " cannot contain itself"
                            : "the alias *" + Quote.bare(anchor) + " refers to no anchor defined before it; mark"
                                    + " the value's first use with &" + Quote.bare(anchor) + ", e.g. partitionKey: &"
                                    + Quote.bare(anchor) + " {name: id, type: S}");
        }
        count(anchored.size, path, at);
        return anchored.node;
    }

    private ObjectNode object(String path, int depth, JsonLocation at) throws IOException {
        checkDepth(depth, path, at);
        // Entries in order, with each merge key's sources where it stood, so that merged fields keep their place.
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        Set<String> explicit = new LinkedHashSet<>();
        Map<Integer, JsonLocation> mergeLocations = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            parser.nextToken();
            if (yaml && name.equals(MERGE_KEY)) {
                mergeLocations.put(entries.size(), parser.currentTokenLocation());
                entries.add(Map.entry(MERGE_KEY, value(path, depth)));
                continue;
            }
            String fieldPath = SpecPaths.field(path, name);
            if (!explicit.add(name)) {
                Optional<SourceLocation> first = locations.exactly(fieldPath);
                throw invalid(
                        source,
                        fieldPath,
                        location(keyAt, source),
                        "is set twice in the same object"
                                + first.map(f -> " (first at line " + f.line() + ")")
                                        .orElse("")
                                + "; keep one of them");
            }
            // A field is placed at its key: a missing or unknown field's problem then points at the key's line.
            locations.put(fieldPath, Math.max(1, keyAt.getLineNr()), Math.max(1, keyAt.getColumnNr()));
            entries.add(Map.entry(name, value(fieldPath, depth)));
        }
        checkEnd(JsonToken.END_OBJECT, at);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < entries.size(); i++) {
            Map.Entry<String, JsonNode> entry = entries.get(i);
            if (mergeLocations.containsKey(i)) {
                merge(node, entry.getValue(), explicit, path, mergeLocations.get(i));
            } else {
                node.set(entry.getKey(), entry.getValue());
            }
        }
        return node;
    }

    /** Adds the fields of a merge key's source (an object, or a list of them) that the object does not set itself. */
    private void merge(ObjectNode node, JsonNode from, Set<String> explicit, String path, JsonLocation at) {
        List<JsonNode> sources = new ArrayList<>();
        if (from.isArray()) {
            from.forEach(sources::add);
        } else {
            sources.add(from);
        }
        for (JsonNode merged : sources) {
            if (!merged.isObject()) {
                throw invalid(
                        source,
                        path,
                        location(at, source),
                        "<< merges objects, got " + ObjectFields.describe(merged)
                                + "; write e.g. <<: *defaults, where defaults: &defaults {count: 100}");
            }
            merged.fields().forEachRemaining(field -> {
                if (!explicit.contains(field.getKey()) && !node.has(field.getKey())) {
                    node.set(field.getKey(), field.getValue());
                    locations.put(
                            SpecPaths.field(path, field.getKey()),
                            Math.max(1, at.getLineNr()),
                            Math.max(1, at.getColumnNr()));
                }
            });
        }
    }

    private ArrayNode array(String path, int depth, JsonLocation at) throws IOException {
        checkDepth(depth, path, at);
        ArrayNode node = JsonNodeFactory.instance.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            checkEnd(JsonToken.END_ARRAY, at);
            node.add(value(SpecPaths.index(path, index++), depth));
        }
        return node;
    }

    /** Refuses input that ends inside an object or list (the parser reports most such cases itself). */
    private void checkEnd(JsonToken expected, JsonLocation start) {
        if (parser.currentToken() == null) {
            throw invalid(
                    source,
                    location(start, source),
                    "ends before the " + (expected == JsonToken.END_OBJECT ? "object" : "list")
                            + " started here is closed");
        }
    }

    private void checkDepth(int depth, String path, JsonLocation at) {
        if (depth > SpecLimits.MAX_DEPTH) {
            throw invalid(
                    source,
                    path,
                    location(at, source),
                    "nests objects and lists more than " + SpecLimits.MAX_DEPTH
                            + " levels deep; a spec needs far fewer: check the brackets and indentation");
        }
    }

    private void count(long added, String path, JsonLocation at) {
        values += added;
        if (values > SpecLimits.MAX_VALUES) {
            throw invalid(
                    source,
                    path,
                    location(at, source),
                    "the spec expands to more than " + SpecLimits.grouped(SpecLimits.MAX_VALUES)
                            + " values through its aliases; use fewer aliases, or aliases of smaller values");
        }
    }

    /** The number as written; one whose exponent no decimal can hold (1E999999999999) is a problem at its place. */
    private java.math.BigDecimal decimal(String path, JsonLocation at) throws IOException {
        try {
            return parser.getDecimalValue();
        } catch (NumberFormatException e) {
            throw invalid(source, path, location(at, source), outOfRange(parser.getText()));
        }
    }

    /** Why a number whose exponent is out of any range cannot be used, and what DynamoDB accepts. */
    static String outOfRange(String number) {
        if (number != null && number.trim().matches("(?i)[-+]?\\.?(nan|inf|infinity)")) {
            return Quote.of(number) + " is not a number DynamoDB can store (it has no NaN or infinity); write a"
                    + " number, or quote it to store text, e.g. '" + number.trim() + "'";
        }
        return "the number " + Quote.of(number) + " has an exponent out of range; DynamoDB numbers have at most 38"
                + " significant digits and magnitudes from 1E-130 to 9.9999999999999999999999999999999999999E+125";
    }

    private static Optional<SourceLocation> location(JsonLocation at, String source) {
        return at == null || at.getLineNr() < 1
                ? Optional.empty()
                : Optional.of(new SourceLocation(source, at.getLineNr(), Math.max(1, at.getColumnNr())));
    }

    private static InvalidSpecException invalid(String source, Optional<SourceLocation> at, String message) {
        return invalid(source, "", at, message);
    }

    private static InvalidSpecException invalid(
            String source, String path, Optional<SourceLocation> at, String message) {
        Problem problem = new Problem(path, message, at);
        return new InvalidSpecException(source, List.of(problem));
    }

    /** SnakeYAML's multi-line report as one line: the problem, placed, and what was being read when it arose. */
    private static InvalidSpecException yamlSyntax(MarkedYAMLException e, String source) {
        Mark problem = e.getProblemMark();
        Mark context = e.getContextMark();
        String reason = e.getProblem() == null ? "cannot be parsed" : e.getProblem();

        String during = e.getContext() == null
                ? ""
                : context == null
                                || context.getLine() == problem.getLine() && context.getColumn() == problem.getColumn()
                        ? " (" + e.getContext() + ")"
                        : " (" + e.getContext() + " started at line " + (context.getLine() + 1) + ", column "
                                + (context.getColumn() + 1) + ")";
        return invalid(
                source,
                Optional.of(new SourceLocation(source, problem.getLine() + 1, problem.getColumn() + 1)),
                "is not valid YAML: " + oneLine(YamlReasons.explain(reason)) + during);
    }

    /**
     * SnakeYAML's "special characters are not allowed", placed at the first character YAML does not allow (its own
     * position counts from a buffer and is often 1:1) and named by its code point.
     */
    private static InvalidSpecException notPrintable(String content, String source) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < content.length(); ) {
            int c = content.codePointAt(i);
            if (!StreamReader.isPrintable(c)) {
                return invalid(
                        source,
                        Optional.of(new SourceLocation(source, line, column)),
                        String.format(
                                Locale.ROOT,
                                "holds the control character U+%04X, which YAML does not allow; remove it (a spec is"
                                        + " plain text)",
                                c));
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += Character.charCount(c);
        }
        return invalid(source, Optional.empty(), "is not valid YAML: it holds a character YAML does not allow");
    }

    /** Whether the JSON parser stopped at a comment ({@code //}, {@code /*} or {@code #}), which JSON lacks. */
    private static boolean isComment(String reason) {
        return reason.contains("Feature 'ALLOW_COMMENTS' not enabled")
                || reason.contains("Feature 'ALLOW_YAML_COMMENTS' not enabled")
                || reason.startsWith("Unexpected character ('#' (code 35))");
    }

    /** The parser's reason on one line, without its location (the problem carries that) and cut if long. */
    private static String shortened(JsonProcessingException e) {
        String reason = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        return oneLine(reason.replaceAll(", from `StreamReadConstraints\\.[a-zA-Z]+\\(\\)`", ""));
    }

    private static String oneLine(String reason) {
        String firstLine = reason.lines().findFirst().orElse(reason).strip();
        return firstLine.length() > 200 ? firstLine.substring(0, 200) + "..." : firstLine;
    }

    private record Anchored(JsonNode node, long size) {}
}
