package dev.dynaseed.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dynaseed.spec.ItemFileFormat;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The JSON reader item files share: numbers read exactly, strings and nesting bounded, and items made from trees. */
final class ItemJson {
    /** For streams of values (arrays, batch-write objects) read one value at a time. */
    static final ObjectMapper MAPPER = mapper(false);

    /** For text holding exactly one value (a line, a CSV cell): anything after it is an error. */
    static final ObjectMapper ONE_VALUE = mapper(true);

    private static ObjectMapper mapper(boolean oneValue) {
        return JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxStringLength(LineReader.MAX_LINE_CHARS)
                                .maxNestingDepth(100)
                                .maxNumberLength(200)
                                .build())
                        .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                        .build())
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, oneValue)
                .build();
    }

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
        return typed ? DynamoJson.item(DynamoJson.unwrap(node)) : PlainJson.item(node);
    }

    /** A JSON syntax error in words, without Jackson's source excerpt. */
    static String syntax(JsonProcessingException e) {
        return "is not valid JSON: "
                + START_MARKER.matcher(e.getOriginalMessage()).replaceAll("");
    }

    /** Jackson's "(start marker at [Source: ...; line: 1, column: 1])", which repeats the text read. */
    private static final java.util.regex.Pattern START_MARKER =
            java.util.regex.Pattern.compile(" \\(start marker at \\[Source: .*\\]\\)", java.util.regex.Pattern.DOTALL);

    /** The column {@code e} happened at, from 1; {@code otherwise} when Jackson does not know it. */
    static long column(JsonProcessingException e, long otherwise) {
        return e.getLocation() == null || e.getLocation().getColumnNr() < 1
                ? otherwise
                : e.getLocation().getColumnNr();
    }

    static JsonParser parser(java.io.InputStream in) throws java.io.IOException {
        return MAPPER.createParser(in);
    }
}
