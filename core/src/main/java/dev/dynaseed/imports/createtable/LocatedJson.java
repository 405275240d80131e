package dev.dynaseed.imports.createtable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.spec.SourceLocation;
import dev.dynaseed.spec.internal.JsonLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON text read into trees that remember where each member was written: one or more root values, optionally
 * preceded by {@code #} comment lines as {@code dynaseed plan --explain} prints them (the last
 * {@code # aws dynamodb COMMAND} line before a value names its operation).
 */
final class LocatedJson {
    private static final Pattern COMMAND = Pattern.compile("^#\\s*aws dynamodb ([a-z-]+)\\b");
    /** How deep values may nest: far deeper than any request. */
    static final int MAX_DEPTH = 64;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * One root value.
     *
     * @param value the value
     * @param start where it starts
     * @param command the AWS CLI command named just before it ({@code create-table}), when the text has one
     * @param locations where each member path ({@code GlobalSecondaryIndexes[0].IndexName}) was written
     */
    record Root(JsonNode value, SourceLocation start, Optional<String> command, Map<String, SourceLocation> locations) {
        /** Where {@code path} or the nearest enclosing member was written. */
        SourceLocation at(String path) {
            for (String p = path; !p.isEmpty(); p = parent(p)) {
                SourceLocation found = locations.get(p);
                if (found != null) {
                    return found;
                }
            }
            return start;
        }

        private static String parent(String path) {
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            return cut <= 0 ? "" : path.substring(0, cut);
        }
    }

    private final String source;
    private final Map<String, SourceLocation> locations = new LinkedHashMap<>();

    private LocatedJson(String source) {
        this.source = source;
    }

    /**
     * The root values of {@code text}, in order.
     *
     * @throws JsonProcessingException when the text is not JSON (the exception's location says where)
     */
    static List<Root> read(String text, String source) throws IOException {
        List<String> lines = text.lines().toList();
        // plan --explain output as printed: the plan's tables and closing line around the calls are not JSON; only
        // the block after each '# aws dynamodb COMMAND' line (up to the next blank line) is read.
        boolean explain =
                lines.stream().anyMatch(line -> COMMAND.matcher(line.strip()).find());
        Map<Integer, String> commands = new LinkedHashMap<>();
        StringBuilder json = new StringBuilder(text.length());
        boolean inCall = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("#")) {
                Matcher command = COMMAND.matcher(line.strip());
                if (command.find()) {
                    commands.put(i + 1, command.group(1));
                    inCall = true;
                }
                json.append('\n');
            } else if (explain && (!inCall || line.isBlank())) {
                inCall = false;
                json.append('\n');
            } else {
                json.append(line).append('\n');
            }
        }
        List<Root> roots = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(json.toString())) {
            try {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    LocatedJson reader = new LocatedJson(source);
                    SourceLocation start = reader.location(parser.currentTokenLocation());
                    JsonNode value = reader.value(parser, token, "");
                    Optional<String> command = commands.entrySet().stream()
                            .filter(entry -> entry.getKey() < start.line())
                            .reduce((first, second) -> second)
                            .map(Map.Entry::getValue);
                    roots.add(new Root(value, start, command, Map.copyOf(reader.locations)));
                }
            } catch (StreamConstraintsException e) {
                throw JsonLimits.located(e, parser);
            }
        }
        return roots;
    }

    private JsonNode value(JsonParser parser, JsonToken token, String path) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String member = path.isEmpty() ? name : path + "." + name;
                    locations.putIfAbsent(member, location(parser.currentTokenLocation()));
                    object.set(name, value(parser, parser.nextToken(), member));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    String element = path + "[" + array.size() + "]";
                    locations.putIfAbsent(element, location(parser.currentTokenLocation()));
                    array.add(value(parser, next, element));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(parser.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default ->
                throw new JsonProcessingException("unexpected " + token, parser.currentTokenLocation()) {
                    private static final long serialVersionUID = 1L;
                };
        }
    }

    private SourceLocation location(JsonLocation location) {
        return new SourceLocation(source, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }
}
