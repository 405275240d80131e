package dev.dynaseed.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.spec.ItemFileFormat;
import dev.dynaseed.spec.internal.Quote;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The JSON reader item files share: numbers read exactly, strings and nesting bounded, and items made from trees. */
final class ItemJson {
    /**
     * For streams of values (arrays, batch-write objects) read one value at a time; a key twice in one object stops
     * the parser (where it stands).
     */
    static final ObjectMapper MAPPER = mapper(false);

    /**
     * For text holding exactly one value (a line, a CSV cell): anything after it is an error. A key twice in one
     * object is kept in the tree as found ({@link #unique}), so that an item refuses it and a format is still told.
     */
    static final ObjectMapper ONE_VALUE = mapper(true);

    private static ObjectMapper mapper(boolean oneValue) {
        return JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxStringLength(LineReader.MAX_LINE_CHARS)
                                .maxNestingDepth(MAX_NESTING)
                                .maxNumberLength(MAX_NUMBER_CHARS)
                                .build())
                        .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                        .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, !oneValue)
                        .build())
                .nodeFactory(new Nodes())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, oneValue)
                .build();
    }

    private static final int MAX_NESTING = 100;
    private static final int MAX_NUMBER_CHARS = 200;

    private ItemJson() {}

    /** Whether items of {@code format} are DynamoDB JSON (typed) rather than plain JSON. */
    static boolean typed(ItemFileFormat format) {
        return switch (format) {
            case DYNAMODB_JSON, S3_EXPORT, SERVERLESS_RAW, BATCH_WRITE -> true;
            case JSON, JSONL, CSV, SERVERLESS -> false;
        };
    }

    /** The item in {@code node}, typed or plain; a typed item may come as {@code {"Item": {...}}}. */
    static Map<String, AttributeValue> item(JsonNode node, boolean typed) throws ItemFormatException {
        return typed ? DynamoJson.unwrappedItem(node) : PlainJson.item(node);
    }

    /**
     * Refuses an object that held a key twice ({@code where} names it; empty for an item): JSON readers keep one of
     * the two, each its own, so the file does not say which value it means.
     */
    static void unique(JsonNode object, String where) throws ItemFormatException {
        if (object instanceof Checked checked && checked.duplicate != null) {
            throw new ItemFormatException((where.isEmpty() ? "" : where + " ") + duplicate(checked.duplicate));
        }
    }

    private static String duplicate(String key) {
        return "holds the key \"" + Quote.bare(key) + "\" twice in one object; JSON readers keep only one of the two"
                + " values (which one differs): remove the other";
    }

    /** Refuses an empty attribute name ({@code where} names the map; empty for an item's top level). */
    static void named(String name, String where) throws ItemFormatException {
        if (name.isEmpty()) {
            throw new ItemFormatException((where.isEmpty() ? "has an attribute" : where + " has a member")
                    + " named \"\" (empty); DynamoDB names hold at least one character: give it a name");
        }
    }

    private static final Pattern UNEXPECTED =
            Pattern.compile("Unexpected character \\((.*?) \\(code (\\d+)\\)\\):? ?(.*)", Pattern.DOTALL);
    private static final Pattern CONTROL =
            Pattern.compile("Illegal (unquoted )?character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*", Pattern.DOTALL);
    private static final Pattern UTF8 = Pattern.compile("Invalid UTF-8 .*?(0x[0-9a-fA-F]+).*", Pattern.DOTALL);
    private static final Pattern TOO_LONG = Pattern.compile(
            "(String value|Number value|Name) length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
            Pattern.DOTALL);
    private static final Pattern TOO_DEEP =
            Pattern.compile("Document nesting depth \\((\\d+)\\) exceeds the maximum allowed.*", Pattern.DOTALL);
    private static final Pattern UNRECOGNIZED =
            Pattern.compile("Unrecognized token '(.*?)': was expecting.*", Pattern.DOTALL);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);
    private static final Pattern NON_NUMERIC = Pattern.compile("Non-standard token '(.*?)'.*", Pattern.DOTALL);
    private static final Pattern ESCAPE =
            Pattern.compile("Unrecognized character escape (.*?) \\(code \\d+\\).*", Pattern.DOTALL);
    private static final Pattern CLOSE = Pattern.compile("Unexpected close marker '(.)'.*", Pattern.DOTALL);

    /**
     * Why {@code e} stopped the JSON reader, in plain words (no Java names, no parser settings); its location gives
     * the line and column.
     */
    static String syntax(JsonProcessingException e) {
        String message = START_MARKER
                .matcher(e.getOriginalMessage() == null ? "" : e.getOriginalMessage())
                .replaceAll("");
        Matcher m;
        if (message.startsWith("Trailing token")) {
            return "is not valid JSON: another value follows the first one (two items on one line?);"
                    + " write one item per line";
        }
        if (message.contains("ALLOW_COMMENTS") || message.contains("ALLOW_YAML_COMMENTS")) {
            return "is not valid JSON: it holds a comment, which JSON does not allow; remove the comment";
        }
        if ((m = DUPLICATE.matcher(message)).matches()) {
            return duplicate(m.group(1));
        }
        if ((m = UTF8.matcher(message)).matches()) {
            long offset = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
            String near = offset >= 0 ? " near byte offset " + offset : "";
            String bytes = message.contains("start byte")
                    ? "the byte " + m.group(1).toUpperCase(Locale.ROOT).replace("0X", "0x") + near + " is"
                    : "the bytes" + near + " are";
            return "is not UTF-8 text: " + bytes + " not UTF-8; if the file is Latin-1, convert it:"
                    + " iconv -f LATIN1 -t UTF-8 FILE > FILE.utf8";
        }
        if ((m = TOO_LONG.matcher(message)).matches()) {
            return switch (m.group(1)) {
                case "String value" ->
                    "holds a string (starting here) longer than " + m.group(3)
                            + " characters; no DynamoDB item (at most 400 KB) holds one that long";
                case "Number value" ->
                    "holds a number written with more than " + m.group(3)
                            + " characters; DynamoDB numbers hold at most 38 digits";
                default -> "holds a key longer than " + m.group(3) + " characters; DynamoDB names are shorter";
            };
        }
        if (TOO_DEEP.matcher(message).matches()) {
            return "is nested deeper than " + MAX_NESTING + " levels; DynamoDB items nest at most 32 levels";
        }
        if ((m = CONTROL.matcher(message)).matches()) {
            String character = String.format("U+%04X", Integer.parseInt(m.group(2)));
            return m.group(1) != null
                    ? "is not valid JSON: a string holds the control character " + character
                            + " as it is; write it escaped, e.g. \\n, \\t or \\u" + character.substring(2)
                    : "is not valid JSON: it holds the control character " + character
                            + " between values (a binary file?); only spaces, tabs and line ends may stand there";
        }
        if ((m = UNEXPECTED.matcher(message)).matches()) {
            return "is not valid JSON: found " + character(m.group(1), Integer.parseInt(m.group(2))) + " "
                    + expected(m.group(3));
        }
        if ((m = UNRECOGNIZED.matcher(message)).matches()) {
            return "is not valid JSON: found " + Quote.of(m.group(1))
                    + " where a value was expected (a string in double quotes, a number, true, false, null, [...]"
                    + " or {...})";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "is not valid JSON: the text ends "
                    + (message.contains("close marker for Object")
                            ? "before its object is closed with }"
                            : message.contains("close marker for Array")
                                    ? "before its list is closed with ]"
                                    : message.contains("String") || message.contains("string")
                                            ? "inside a string (a missing closing quote?)"
                                            : "before its value is complete")
                    + " (a cut line or file?)";
        }
        if (message.startsWith("Invalid numeric value: Leading zeroes")) {
            return "is not valid JSON: a number starts with a zero, which JSON does not allow; write 7 for the number,"
                    + " or \"007\" for the text";
        }
        if ((m = NON_NUMERIC.matcher(message)).matches()) {
            return "is not valid JSON: it holds " + m.group(1) + ", which is not a JSON number (DynamoDB stores no"
                    + " NaN or infinity); write a number or null";
        }
        if ((m = ESCAPE.matcher(message)).matches()) {
            return "is not valid JSON: a string holds the escape \\"
                    + m.group(1).replace("'", "") + ", which JSON does not know; write \\\\ for a backslash";
        }
        if ((m = CLOSE.matcher(message)).matches()) {
            return "is not valid JSON: found '" + m.group(1) + "', which closes nothing open (one ] or } too many?)";
        }
        return "is not valid JSON: "
                + message.replaceAll(" ?\\(code \\d+\\)", "")
                        .replaceAll("`[^`]*`", "it")
                        .replaceAll("\\s+", " ")
                        .trim();
    }

    private static String character(String quoted, int code) {
        if (code < 0x20 || code == 0x7f) {
            return String.format("the control character U+%04X", code);
        }
        return quoted.length() >= 3 ? quoted : "'" + (char) code + "'";
    }

    private static String expected(String rest) {
        if (rest.contains("double-quote to start field name")) {
            return "where a key in double quotes was expected (\"name\": value)";
        }
        if (rest.contains("comma to separate")) {
            return "where a comma between two entries was expected";
        }
        if (rest.contains("colon to separate")) {
            return "where a colon after the key was expected";
        }
        if (rest.startsWith("expected a valid value")) {
            return "where a value was expected (a string in double quotes, a number, true, false, null, [...] or"
                    + " {...})";
        }
        if (rest.startsWith("in numeric value")) {
            return "in a number ("
                    + rest.substring(rest.indexOf(':') + 1).trim().toLowerCase(Locale.ROOT) + ")";
        }
        if (rest.contains("closing quote")) {
            return "where a closing quote was expected";
        }
        return rest.isBlank()
                ? "where it does not belong"
                : "(" + rest.replaceAll(" ?\\(code \\d+\\)", "").trim() + ")";
    }

    /** Jackson's "(start marker at [Source: ...; line: 1, column: 1])", which repeats the text read. */
    private static final Pattern START_MARKER =
            Pattern.compile(" \\(start marker at \\[Source: .*\\]\\)", Pattern.DOTALL);

    /** The column {@code e} happened at, from 1; {@code otherwise} when Jackson does not know it. */
    static long column(JsonProcessingException e, long otherwise) {
        return e.getLocation() == null || e.getLocation().getColumnNr() < 1
                ? otherwise
                : e.getLocation().getColumnNr();
    }

    /** A streaming parser of {@code in}; a string over the cap is reported where it starts. */
    static JsonParser parser(InputStream in) throws IOException {
        return new Located(MAPPER.createParser(in));
    }

    /** Gives a string over the length cap the location of its start (Jackson reports it without one). */
    private static final class Located extends JsonParserDelegate {
        Located(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            try {
                return super.nextToken();
            } catch (StreamConstraintsException e) {
                throw located(e);
            }
        }

        @Override
        public <T extends TreeNode> T readValueAsTree() throws IOException {
            try {
                return super.readValueAsTree();
            } catch (StreamConstraintsException e) {
                throw located(e);
            }
        }

        private StreamConstraintsException located(StreamConstraintsException e) {
            if (e.getLocation() != null) {
                return e;
            }
            JsonLocation at = delegate.currentTokenLocation();
            return new StreamConstraintsException(e.getOriginalMessage(), at);
        }
    }

    /** Makes objects that remember a key given twice, and numbers exact. */
    private static final class Nodes extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;

        Nodes() {
            super(true);
        }

        @Override
        public ObjectNode objectNode() {
            return new Checked(this);
        }
    }

    /** An object node that remembers the first key it was given twice (the tree keeps the later value). */
    private static final class Checked extends ObjectNode {
        private static final long serialVersionUID = 1L;
        private String duplicate;

        Checked(JsonNodeFactory nodes) {
            super(nodes);
        }

        @Override
        public JsonNode replace(String name, JsonNode value) {
            JsonNode old = super.replace(name, value);
            if (old != null && duplicate == null) {
                duplicate = name;
            }
            return old;
        }
    }
}
