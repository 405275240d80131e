package dev.dynaseed.imports.cloudformation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.dynaseed.imports.ImportException;
import dev.dynaseed.imports.SourceKind;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SourceLocation;
import dev.dynaseed.spec.internal.JsonLimits;
import dev.dynaseed.spec.internal.YamlReasons;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a template (or serverless.yml) from YAML or JSON into {@link TemplateNode}s that keep their line and column,
 * within bounds: {@value #MAX_FILE_SIZE} bytes (CloudFormation's own template size limit), {@value #MAX_DEPTH} levels
 * of nesting and {@value #MAX_NODES} values once YAML aliases are expanded, so that hostile files fail with a problem.
 */
public final class TemplateReader {
    /** The largest file read, in bytes: CloudFormation refuses templates larger than 1,000,000 bytes. */
    public static final int MAX_FILE_SIZE = 1_000_000;

    /** How deep values may nest. */
    public static final int MAX_DEPTH = 64;

    /** How many values a file may hold once its YAML aliases are expanded (only alias bombs come near it). */
    public static final int MAX_NODES = 200_000;

    /** How many aliases to collections a YAML file may use. */
    public static final int MAX_ALIASES = 200;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH + 1)
                    .maxDocumentLength(MAX_FILE_SIZE)
                    .build())
            .build();

    private final String source;
    private final SourceKind kind;
    private int nodes;

    private TemplateReader(String source, SourceKind kind) {
        this.source = source;
        this.kind = kind;
    }

    /** The file's root value, refusing (with file:line:column) what is too big, too deep or not YAML/JSON. */
    public static TemplateNode read(Path file, SourceKind kind) {
        String source = file.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_SIZE + 1);
        } catch (IOException e) {
            throw fail(source, kind, "cannot be read (" + e.getMessage() + "); check the path given to --from");
        }
        if (bytes.length > MAX_FILE_SIZE) {
            throw fail(
                    source,
                    kind,
                    "is larger than " + MAX_FILE_SIZE + " bytes, CloudFormation's own template size limit;"
                            + " split it into smaller files");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw fail(source, kind, "is not UTF-8 text; save it as UTF-8");
        }
        return read(text, source, kind);
    }

    /** {@code text}'s root value; {@code source} names it in problems. */
    public static TemplateNode read(String text, String source, SourceKind kind) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        TemplateReader reader = new TemplateReader(source, kind);
        if (!content.stripLeading().startsWith("{")) {
            return reader.yaml(content);
        }
        try {
            return reader.json(content);
        } catch (ImportException notJson) {
            // A YAML flow mapping ({Resources: ...}) starts as JSON does; read it as YAML before giving up.
            try {
                return new TemplateReader(source, kind).yaml(content);
            } catch (ImportException notYaml) {
                throw notJson;
            }
        }
    }

    private TemplateNode yaml(String content) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(MAX_FILE_SIZE);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(content));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (what.contains("another document") && mark != null) {
                throw fail(
                        at(mark),
                        "holds a second YAML document (---) at line " + (mark.getLine() + 1) + "; a template is one"
                                + " document: remove the --- and what follows, or put it in a file of its own");
            }
            throw fail(at(mark), "is not valid YAML: " + YamlReasons.explain(what));
        } catch (NumberFormatException e) {
            // SnakeYAML parses an escape's hexadecimal digits without checking that the document holds them.
            throw fail(source, kind, "is not valid YAML: " + YamlReasons.CUT_SHORT_ESCAPE);
        } catch (YAMLException e) {
            String message = oneLine(e.getMessage());
            if (message.startsWith("Nesting Depth exceeded")) {
                throw fail(source, kind, "nests deeper than " + MAX_DEPTH + " levels; no template needs that many");
            }
            if (message.contains("aliases")) {
                throw fail(
                        source,
                        kind,
                        "uses more than " + MAX_ALIASES + " YAML aliases of lists or mappings;"
                                + " write the values out");
            }
            throw fail(source, kind, "is not valid YAML: " + YamlReasons.explain(message));
        }
        if (root == null) {
            throw fail(source, kind, "is empty");
        }
        return convert(root, 0);
    }

    private TemplateNode convert(Node node, int depth) {
        SourceLocation where = at(node.getStartMark());
        if (depth > MAX_DEPTH) {
            throw fail(where, "nests deeper than " + MAX_DEPTH + " levels (or an alias refers to itself)");
        }
        if (++nodes > MAX_NODES) {
            throw fail(where, "holds more than " + MAX_NODES + " values once its aliases are expanded");
        }
        String tag = node.getTag().getValue();
        TemplateNode plain = switch (node.getNodeId()) {
            case scalar -> scalar((ScalarNode) node, where);
            case sequence -> sequence((SequenceNode) node, where, depth);
            case mapping -> mapping((MappingNode) node, where, depth);
            case anchor -> throw fail(where, "has an alias that cannot be read");
        };
        if (!tag.startsWith("!") || tag.startsWith("!!")) {
            return plain;
        }
        // A short-form intrinsic: !Ref x is {Ref: x}, !Sub s is {Fn::Sub: s}, !Condition c is {Condition: c}.
        String name = tag.substring(1);
        String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
        return new TemplateNode.Mapping(Map.of(key, plain), where);
    }

    private static TemplateNode scalar(ScalarNode node, SourceLocation where) {
        Tag tag = node.getTag();
        String value = node.getValue();
        if (tag.equals(Tag.BOOL)) {
            String lower = value.toLowerCase(java.util.Locale.ROOT);
            boolean truth = lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("y");
            return new TemplateNode.Scalar(String.valueOf(truth), TemplateNode.ScalarType.BOOLEAN, where);
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return new TemplateNode.Scalar(value, TemplateNode.ScalarType.NUMBER, where);
        }
        if (tag.equals(Tag.NULL)) {
            return new TemplateNode.Scalar("", TemplateNode.ScalarType.NULL, where);
        }
        return TemplateNode.Scalar.string(value, where);
    }

    private TemplateNode sequence(SequenceNode node, SourceLocation where, int depth) {
        List<TemplateNode> items = new ArrayList<>();
        for (Node item : node.getValue()) {
            items.add(convert(item, depth + 1));
        }
        return new TemplateNode.Sequence(items, where);
    }

    private TemplateNode mapping(MappingNode node, SourceLocation where, int depth) {
        Map<String, TemplateNode> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        List<TemplateNode.Mapping> merged = new ArrayList<>();
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            SourceLocation keyAt = at(keyNode.getStartMark());
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                throw fail(keyAt, "has a key that is a list or mapping; keys are names such as Resources");
            }
            if (keyNode.getTag().equals(Tag.MERGE)) {
                merged.addAll(mergeSources(convert(tuple.getValueNode(), depth + 1), keyAt));
                continue;
            }
            String key = scalarKey.getValue();
            SourceLocation first = keys.putIfAbsent(key, keyAt);
            if (first != null) {
                throw fail(
                        keyAt,
                        "repeats the key '" + key + "' first written at line " + first.line() + "; keep one of them");
            }
            entries.put(key, convert(tuple.getValueNode(), depth + 1));
        }
        for (TemplateNode.Mapping source : merged) {
            source.entries().forEach(entries::putIfAbsent);
        }
        return new TemplateNode.Mapping(entries, where);
    }

    private List<TemplateNode.Mapping> mergeSources(TemplateNode value, SourceLocation keyAt) {
        List<TemplateNode.Mapping> sources = new ArrayList<>();
        if (value instanceof TemplateNode.Mapping mapping) {
            sources.add(mapping);
        } else if (value instanceof TemplateNode.Sequence sequence
                && sequence.items().stream().allMatch(TemplateNode.Mapping.class::isInstance)) {
            sequence.items().forEach(item -> sources.add((TemplateNode.Mapping) item));
        } else {
            throw fail(keyAt, "merges ('<<') something that is not a mapping; merge an alias of a mapping");
        }
        return sources;
    }

    private TemplateNode json(String content) {
        try (JsonParser parser = JSON.createParser(content)) {
            if (parser.nextToken() == null) {
                throw fail(source, kind, "is empty");
            }
            TemplateNode root;
            try {
                root = jsonValue(parser, 0);
            } catch (StreamConstraintsException e) {
                throw JsonLimits.located(e, parser);
            }
            if (parser.nextToken() != null) {
                throw fail(jsonAt(parser.currentTokenLocation()), "has text after the end of the JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw fail(jsonAt(e.getLocation()), JsonLimits.problem(e, "a template"));
        } catch (IOException e) {
            throw fail(source, kind, "cannot be read as JSON: " + e.getMessage());
        }
    }

    private TemplateNode jsonValue(JsonParser parser, int depth) throws IOException {
        SourceLocation where = jsonAt(parser.currentTokenLocation());
        if (depth > MAX_DEPTH) {
            throw fail(where, "nests deeper than " + MAX_DEPTH + " levels");
        }
        if (++nodes > MAX_NODES) {
            throw fail(where, "holds more than " + MAX_NODES + " values");
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, TemplateNode> entries = new LinkedHashMap<>();
                Map<String, SourceLocation> keys = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    SourceLocation keyAt = jsonAt(parser.currentTokenLocation());
                    SourceLocation first = keys.putIfAbsent(key, keyAt);
                    if (first != null) {
                        throw fail(
                                keyAt,
                                "repeats the key '" + key + "' first written at line " + first.line()
                                        + "; keep one of them");
                    }
                    parser.nextToken();
                    entries.put(key, jsonValue(parser, depth + 1));
                }
                return new TemplateNode.Mapping(entries, where);
            }
            case START_ARRAY -> {
                List<TemplateNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(jsonValue(parser, depth + 1));
                }
                return new TemplateNode.Sequence(items, where);
            }
            case VALUE_STRING -> {
                return TemplateNode.Scalar.string(parser.getText(), where);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new TemplateNode.Scalar(parser.getText(), TemplateNode.ScalarType.NUMBER, where);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new TemplateNode.Scalar(parser.getText(), TemplateNode.ScalarType.BOOLEAN, where);
            }
            case VALUE_NULL -> {
                return new TemplateNode.Scalar("", TemplateNode.ScalarType.NULL, where);
            }
            default -> throw fail(where, "holds a JSON token that is not a value: " + token);
        }
    }

    private SourceLocation at(Mark mark) {
        return mark == null
                ? new SourceLocation(source, 1, 1)
                : new SourceLocation(source, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private SourceLocation jsonAt(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return new SourceLocation(source, 1, 1);
        }
        return new SourceLocation(source, location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    private ImportException fail(SourceLocation where, String message) {
        return new ImportException(source, kind, List.of(new Problem("", message).at(where)));
    }

    private static ImportException fail(String source, SourceKind kind, String message) {
        return new ImportException(source, kind, List.of(new Problem("", message)));
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
